package io.rapport.rest;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

/**
 * A change that lost a race with another one on the same version (the version check at commit failed) is a 412,
 * like a stale If-Match, not a 500. Changes lock the row they change, so this is a last line of defence.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper(value = { OptimisticLockException.class, StaleStateException.class }, priority = 4000)
    public Response concurrentChange() {
        return HttpProblem.builder()
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withTitle(Response.Status.PRECONDITION_FAILED.getReasonPhrase())
                .withDetail("The resource was changed concurrently: get it again and retry with its new ETag")
                .build()
                .toResponse();
    }
}

package io.rapport.failure;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.DefaultExceptionMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers a request that failed on something passing ({@link TransientFailure}: the database restarting, a lock
 * conflict) with 503 and Retry-After, so that clients and proxies try again instead of reporting a server error.
 * Any other unexpected failure stays quarkus-resteasy-problem's 500.
 */
public class ServiceUnavailableMapper {

    /** Seconds a client should wait: about as long as a PostgreSQL restart or a failover takes. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final DefaultExceptionMapper SERVER_ERROR = new DefaultExceptionMapper();

    @ServerExceptionMapper(value = Exception.class, priority = 4000)
    public Response unexpected(Exception e) {
        if (!TransientFailure.isTransient(e)) {
            return SERVER_ERROR.toResponse(e);
        }
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle(Response.Status.SERVICE_UNAVAILABLE.getReasonPhrase())
                .withDetail("The service cannot reach what it needs right now; try again shortly")
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build()
                .toResponse();
    }
}

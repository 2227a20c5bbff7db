package io.rapport.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers a missing or invalid bearer token with 401 problem+json. It takes precedence (priority below the
 * extension's 4999) over quarkus-resteasy-problem's own mappers, whose challenge lookup fails with a
 * NoSuchFieldError on this Quarkus release and would turn every rejected token into a 500.
 */
public class AuthenticationProblemMapper {

    @ServerExceptionMapper(value = { AuthenticationFailedException.class, UnauthorizedException.class },
            priority = 4000)
    public Response unauthorized() {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle(Response.Status.UNAUTHORIZED.getReasonPhrase())
                .withDetail("A valid bearer token is required")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build()
                .toResponse();
    }
}

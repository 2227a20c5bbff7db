package io.rapport.failure;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one answer to a request the service cannot serve right now but will shortly: 503 problem+json with the
 * Retry-After a client or proxy waits before trying again.
 */
public final class Unavailable {

    /** Seconds to wait when something passing is away: about as long as a PostgreSQL restart or a failover takes. */
    public static final String RETRY_AFTER_SECONDS = "2";

    private Unavailable() {
    }

    public static HttpProblem problem(String detail) {
        return problem(detail, RETRY_AFTER_SECONDS);
    }

    public static HttpProblem problem(String detail, String retryAfterSeconds) {
        return builder(detail, retryAfterSeconds).build();
    }

    /** For an answer that needs more than the status, the detail and Retry-After. */
    public static HttpProblem.Builder builder(String detail, String retryAfterSeconds) {
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle(Response.Status.SERVICE_UNAVAILABLE.getReasonPhrase())
                .withDetail(detail)
                .withHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    }
}

package io.rapport.failure;

import org.jboss.logging.Logger;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a request that failed on something passing ({@link TransientFailure}: the database restarting, a lock
 * conflict) with 503 and Retry-After, so that clients and proxies try again instead of reporting a server error.
 * Any other unexpected failure is the 500 quarkus-resteasy-problem gives (this takes precedence over its mapper of
 * the same type, priority 4999), logged by its post-processors like every problem.
 */
@Provider
@Priority(4000)
public class ServiceUnavailableMapper extends ExceptionMapperBase<Exception> {

    private static final Logger LOG = Logger.getLogger(ServiceUnavailableMapper.class);

    /** Seconds a client should wait: about as long as a PostgreSQL restart or a failover takes. */
    static final String RETRY_AFTER_SECONDS = "2";

    @Override
    protected HttpProblem toProblem(Exception e) {
        if (!TransientFailure.isTransient(e)) {
            return HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR);
        }
        LOG.warnf("Answered 503: %s", e.getMessage());
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle(Response.Status.SERVICE_UNAVAILABLE.getReasonPhrase())
                .withDetail("The service cannot reach what it needs right now; try again shortly")
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}

package io.rapport.failure;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Answers a request that failed on something passing ({@link TransientFailure}: the database restarting, a lock
 * conflict) with 503 and Retry-After, so that clients and proxies try again instead of reporting a server error.
 * Any other unexpected failure is the 500 quarkus-resteasy-problem gives. Both go through the extension's
 * post-processing (logged, with the instance), as its own mappers' problems do; this takes precedence over its mapper
 * of the same type (it registers its mappers at priority 999, this one is 900).
 */
public class ServiceUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(ServiceUnavailableMapper.class);

    @ServerExceptionMapper(value = Exception.class, priority = 900)
    public Response unexpected(Exception e, UriInfo uriInfo) {
        HttpProblem problem;
        if (TransientFailure.isTransient(e)) {
            LOG.warnf("Answered 503: %s", e.getMessage());
            problem = Unavailable.problem("The service cannot reach what it needs right now; try again shortly");
        } else {
            problem = HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR);
        }
        return ExceptionMapperBase.postProcessorsRegistry.applyPostProcessing(problem, ProblemContext.of(e, uriInfo))
                .toResponse();
    }
}

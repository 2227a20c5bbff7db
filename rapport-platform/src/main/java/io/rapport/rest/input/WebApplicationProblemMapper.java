package io.rapport.rest.input;

import java.util.Locale;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * quarkus-resteasy-problem's answer to a WebApplicationException, except for a body that is not JSON: Quarkus REST
 * wraps Jackson's parse error in a bare 400, which would say only "HTTP 400 Bad Request"; this says what and where
 * ({@link JsonInputProblems}). Takes precedence over the extension's mapper (it registers its mappers at priority
 * 999, this one is 900), and applies its post-processing like it.
 */
public class WebApplicationProblemMapper {

    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-length", "transfer-encoding");

    @ServerExceptionMapper(value = WebApplicationException.class, priority = 900)
    public Response webApplication(WebApplicationException e, UriInfo uriInfo) {
        return ExceptionMapperBase.postProcessorsRegistry.applyPostProcessing(toProblem(e), ProblemContext.of(e,
                uriInfo)).toResponse();
    }

    private static HttpProblem toProblem(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return JsonInputProblems.of(unreadable);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        HttpProblem.Builder problem = HttpProblem.builder()
                .withTitle(status.getReasonPhrase())
                .withStatus(status)
                .withDetail(e.getMessage());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) { // they describe the body, now the problem
                values.forEach(value -> problem.withHeader(name, value));
            }
        });
        return problem.build();
    }
}

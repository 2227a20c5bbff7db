package io.rapport.rest.input;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * quarkus-resteasy-problem's answer to a WebApplicationException, except for a body that is not JSON: Quarkus REST
 * wraps Jackson's parse error in a bare 400, which would say only "HTTP 400 Bad Request"; this says what and where
 * ({@link JsonInputProblems}). Takes precedence over the extension's mapper (priority 4999).
 */
@Provider
@Priority(4000)
public class WebApplicationProblemMapper extends ExceptionMapperBase<WebApplicationException> {

    @Override
    protected HttpProblem toProblem(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return JsonInputProblems.of(unreadable);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        HttpProblem.Builder problem = HttpProblem.builder()
                .withTitle(status.getReasonPhrase())
                .withStatus(status)
                .withDetail(e.getMessage());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> problem.withHeader(name, value));
            }
        });
        return problem.build();
    }
}

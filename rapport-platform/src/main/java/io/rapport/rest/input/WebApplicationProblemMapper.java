package io.rapport.rest.input;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
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

    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-length", "transfer-encoding");

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
            if (!BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) { // they describe the body, now the problem
                values.forEach(value -> problem.withHeader(name, value));
            }
        });
        return problem.build();
    }
}

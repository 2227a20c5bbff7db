package io.rapport.rest.input;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A problem+json answer written by a route handler, which runs before Quarkus REST and its problem mappers: the same
 * members they write (status, title, detail, instance).
 */
final class RouteProblem {

    private RouteProblem() {
    }

    /** Ends the request with the problem; {@code closeAfter} when the rest of the request will not be read. */
    static void send(RoutingContext context, ObjectMapper objectMapper, int status, String title, String detail,
            boolean closeAfter) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("title", title);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        if (closeAfter) {
            UnreadBody.closeAfterAnswer(context);
        }
        response.end(body);
    }
}

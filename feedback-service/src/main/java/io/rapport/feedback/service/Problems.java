package io.rapport.feedback.service;

import java.util.List;
import java.util.Map;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** The problem+json answers of this service beyond the platform's. */
final class Problems {

    private Problems() {
    }

    static HttpProblem gone(String detail) {
        return HttpProblem.builder().withStatus(410).withTitle("Gone").withDetail(detail).build();
    }

    static HttpProblem conflict(String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail).build();
    }

    static HttpProblem conflict(String detail, String extraName, Object extraValue) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail)
                .with(extraName, extraValue).build();
    }

    /** 422: the body is well-formed but names something that cannot be used. */
    static HttpProblem unprocessable(String field, String message) {
        return unprocessable(field, message, null, null);
    }

    static HttpProblem unprocessable(String field, String message, String extraName, Object extraValue) {
        HttpProblem.Builder builder = HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)));
        if (extraName != null) {
            builder.with(extraName, extraValue);
        }
        return builder.build();
    }
}

package io.rapport.rest.input;

import java.util.List;
import java.util.Map;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A 400 problem for a rule bean validation cannot express (one field against another, a reference to a missing
 * record), in the same shape as the validation problems: {@code violations: [{field, in, message}]}.
 */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static HttpProblem field(String field, String message) {
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", "body", "message", message)))
                .build();
    }
}

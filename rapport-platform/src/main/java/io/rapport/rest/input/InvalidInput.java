package io.rapport.rest.input;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A 400 problem for a rule bean validation cannot express (one field against another, a reference to a missing
 * record), in the same shape as the validation problems: {@code violations: [{field, in, message}]}.
 */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static HttpProblem field(String field, String message) {
        return fields(List.of(new Violation(field, message)));
    }

    /** Every problem of the body at once, so a client can fix them all before it tries again. */
    public static HttpProblem fields(List<Violation> violations) {
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")))
                .with("violations", violations.stream()
                        .map(violation -> Map.of("field", violation.field(), "in", "body", "message", violation.message()))
                        .toList())
                .build();
    }

    /** What is wrong with one field of a body, in a client's words. */
    public record Violation(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}

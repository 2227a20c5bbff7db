package io.rapport.rest.input;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A 400 problem for a rule bean validation cannot express (one field against another, a reference to a missing
 * record), or a 422 for a body whose value cannot be used, in the same shape as the validation problems:
 * {@code violations: [{field, in, message}]}.
 */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static HttpProblem field(String field, String message) {
        return fields(List.of(new Violation(field, message)));
    }

    /**
     * A 422 on one field of a well-formed body whose value cannot be used: it names something unknown to the caller,
     * or something the service cannot do for it.
     */
    public static HttpProblem unprocessable(String field, String message) {
        return problem(422, "Unprocessable Content", message, List.of(new Violation(field, message)));
    }

    /** Every problem of the body at once, so a client can fix them all before it tries again. */
    public static HttpProblem fields(List<Violation> violations) {
        return problem(400, "Bad Request", violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")), violations);
    }

    private static HttpProblem problem(int status, String title, String detail, List<Violation> violations) {
        return HttpProblem.builder()
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
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

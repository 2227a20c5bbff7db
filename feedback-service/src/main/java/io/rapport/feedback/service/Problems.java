package io.rapport.feedback.service;

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
}

package io.rapport.feedback.service;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** A public request refused by a rate limit: 429 with Retry-After. */
public final class TooManyRequests extends HttpProblem {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    TooManyRequests(String detail, long retryAfterSeconds) {
        super(HttpProblem.builder().withStatus(429).withTitle("Too Many Requests").withDetail(detail)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds)));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

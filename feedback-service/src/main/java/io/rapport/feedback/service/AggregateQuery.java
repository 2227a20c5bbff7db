package io.rapport.feedback.service;

import java.time.Instant;

/**
 * An aggregate over a period: responses received in [from, to), and requests sent in it for the response rate.
 *
 * @param groupBy null for the total only
 * @param owner   only this rep's surveys, or null for all the caller may see
 */
public record AggregateQuery(Instant from, Instant to, AggregateGroupBy groupBy, String owner) {
}

package io.rapport.feedback.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.feedback.service.AggregateGroupBy;

@Schema(description = "CSAT over a period (UTC dates, both inclusive), in total and, with groupBy, per group")
public record CsatReport(
        LocalDate from,
        LocalDate to,
        @Schema(description = "OWNER, ORGANISATION or MONTH; null for the total only", nullable = true)
        AggregateGroupBy groupBy,
        @Schema(description = "The rep the figures are restricted to; null for all", nullable = true) String owner,
        CsatGroup total,
        @Schema(description = "One per group, ordered by key; null without groupBy", nullable = true)
        List<CsatGroup> groups) {
}

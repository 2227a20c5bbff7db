package io.rapport.feedback.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rapport.feedback.service.AggregateGroupBy;

@Schema(description = "CSAT over a period (UTC dates, both inclusive), in total and, with groupBy, per group")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsatReport(
        LocalDate from,
        LocalDate to,
        @Schema(description = "OWNER, ORGANISATION or MONTH; absent for the total only") AggregateGroupBy groupBy,
        @Schema(description = "The rep the figures are restricted to; absent for all") String owner,
        CsatGroup total,
        @Schema(description = "One per group, ordered by key; absent without groupBy") List<CsatGroup> groups) {
}

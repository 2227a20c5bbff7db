package io.rapport.feedback.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rapport.feedback.service.AggregateGroupBy;

@Schema(description = "An aggregate over a period (UTC dates, both inclusive), in total and per group")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AggregateReport<G>(LocalDate from, LocalDate to, AggregateGroupBy groupBy, String owner, G total,
        List<G> groups) {
}

package io.rapport.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CSAT of one group (or of all): counts per class, the score, the average and the response rate")
public record CsatGroup(
        @Schema(description = "The owner, organisation id or month (YYYY-MM) of the group; null for the total "
                + "and for contacts without an organisation", nullable = true) String key,
        @Schema(description = "Responses with a CSAT score received in the period") long responses,
        @Schema(description = "Scores 4–5") long satisfied,
        @Schema(description = "Score 3") long neutral,
        @Schema(description = "Scores 1–2") long dissatisfied,
        @Schema(description = "% satisfied, rounded to the nearest integer; null without responses", nullable = true)
        Integer score,
        @Schema(description = "Mean score, two decimals; null without responses", nullable = true) Double average,
        @Schema(description = "CSAT surveys sent in the period, cancelled ones excepted") long requests,
        @Schema(description = "How many of those were answered") long answered,
        @Schema(description = "answered / requests in percent, one decimal; null without requests", nullable = true)
        Double responseRate) {
}

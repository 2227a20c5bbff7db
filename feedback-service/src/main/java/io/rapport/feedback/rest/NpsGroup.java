package io.rapport.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "NPS of one group (or of all): counts per class, the score and the response rate")
public record NpsGroup(
        @Schema(description = "The owner, organisation id or month (YYYY-MM) of the group; null for the total "
                + "and for contacts without an organisation", nullable = true) String key,
        @Schema(description = "Responses with an NPS score received in the period") long responses,
        long promoters,
        long passives,
        long detractors,
        @Schema(description = "% promoters − % detractors, −100 to 100, rounded to the nearest integer (halves away "
                + "from zero); null without responses", nullable = true) Integer score,
        @Schema(description = "NPS surveys sent in the period, cancelled ones excepted") long requests,
        @Schema(description = "How many of those were answered") long answered,
        @Schema(description = "answered / requests in percent, one decimal; null without requests", nullable = true)
        Double responseRate) {
}

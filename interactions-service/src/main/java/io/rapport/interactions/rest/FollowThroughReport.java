package io.rapport.interactions.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How well a rep kept the commitments that fell due in a period")
public record FollowThroughReport(
        String owner,
        @Schema(description = "Start of the period (inclusive)") Instant from,
        @Schema(description = "End of the period (exclusive)") Instant to,
        @Schema(description = "Commitments due in the period, cancelled ones excepted") long made,
        @Schema(description = "Fulfilled at or before their due time") long keptOnTime,
        @Schema(description = "Fulfilled after their due time") long keptLate,
        @Schema(description = "Still open after their due time") long overdue,
        @Schema(description = "Open and not yet due") long pending,
        @Schema(description = "Cancelled; not counted in 'made'") long cancelled,
        @Schema(description = "keptOnTime / (keptOnTime + keptLate + overdue), 0 to 1; null when nothing was due yet",
                nullable = true)
        Double rate) {
}

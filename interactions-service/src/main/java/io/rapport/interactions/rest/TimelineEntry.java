package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One item of a contact's timeline: an interaction or a commitment")
public record TimelineEntry(
        @Schema(description = "INTERACTION or COMMITMENT") String kind,
        UUID id,
        @Schema(description = "When it happened: an interaction's occurredAt, a commitment's createdAt") Instant at,
        @Schema(description = "Set for an interaction", nullable = true) InteractionResponse interaction,
        @Schema(description = "Set for a commitment", nullable = true) CommitmentResponse commitment) {
}

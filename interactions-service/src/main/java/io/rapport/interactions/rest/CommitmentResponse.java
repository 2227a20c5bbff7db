package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.CommitmentStatus;

@Schema(description = "A promise to a contact")
public record CommitmentResponse(
        UUID id,
        @Schema(description = "Grows with every change; also the ETag") long version,
        UUID contactId,
        String owner,
        @Schema(description = "The interaction it was made in, if any", nullable = true) UUID interactionId,
        String description,
        Instant dueAt,
        CommitmentStatus status,
        @Schema(description = "OPEN and past its due time") boolean overdue,
        @Schema(nullable = true) Instant fulfilledAt,
        @Schema(nullable = true) String cancelledReason,
        Instant createdAt,
        Instant updatedAt) {
}

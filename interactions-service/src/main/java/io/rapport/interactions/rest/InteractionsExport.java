package io.rapport.interactions.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything interactions-service holds on one contact (its part of the GDPR export)")
public record InteractionsExport(
        UUID contactId,
        @Schema(description = "Every touch-point, oldest first, with its summary and notes")
        List<InteractionResponse> interactions,
        @Schema(description = "Every commitment, oldest first, open or closed") List<CommitmentResponse> commitments) {
}

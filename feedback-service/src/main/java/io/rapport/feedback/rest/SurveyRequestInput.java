package io.rapport.feedback.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.feedback.ContextType;
import io.rapport.feedback.SurveyChannel;
import io.rapport.feedback.SurveyKind;
import jakarta.validation.constraints.NotNull;

@Schema(description = "A survey to send to a contact")
public record SurveyRequestInput(
        @Schema(description = "The contact asked; must be known to this service and not marked do-not-contact")
        @NotNull UUID contactId,
        @Schema(description = "NPS (0–10), CSAT (1–5) or BOTH") @NotNull SurveyKind kind,
        @Schema(description = "How the link reaches the client; defaults to EMAIL") SurveyChannel channel,
        @Schema(description = "What the survey follows up on, with contextId") ContextType contextType,
        @Schema(description = "The interaction or commitment the survey follows, with contextType") UUID contextId,
        @Schema(description = "When the link stops working; defaults to the configured validity (14 days), at most 90 days ahead")
        Instant expiresAt) {
}

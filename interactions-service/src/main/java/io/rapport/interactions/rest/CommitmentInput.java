package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A promise to a contact, as a client writes it")
public record CommitmentInput(
        @Schema(description = "The contact; it cannot change later") @NotNull UUID contactId,
        @Schema(description = "The interaction of the same contact in which it was made") UUID interactionId,
        @Schema(examples = "Send the revised proposal") @NotBlank @Size(max = 2000) String description,
        @Schema(description = "When it is due; may lie in the past for a promise recorded after the fact")
        @NotNull Instant dueAt) {
}

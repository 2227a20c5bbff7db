package io.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "Withdraws a commitment")
public record CancelRequest(
        @Schema(examples = "The client no longer needs the proposal") @NotBlank @Size(max = 2000) String reason) {
}

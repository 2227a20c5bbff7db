package io.rapport.interactions.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Marks a commitment kept")
public record FulfilRequest(
        @Schema(description = "When it was kept; defaults to now, never in the future") Instant fulfilledAt) {
}

package io.rapport.feedback.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The client's answer as recorded: only what they sent")
public record PublicAnswer(@Schema(nullable = true) Integer npsScore, @Schema(nullable = true) Integer csatScore,
        @Schema(nullable = true) String comment, Instant receivedAt) {
}

package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.Direction;
import io.rapport.interactions.InteractionType;
import io.rapport.interactions.Sentiment;

@Schema(description = "A touch-point with a contact")
public record InteractionResponse(
        UUID id,
        @Schema(description = "Grows with every change; also the ETag") long version,
        UUID contactId,
        @Schema(description = "The contact's owner") String owner,
        @Schema(description = "Who logged it") String loggedBy,
        InteractionType type,
        Direction direction,
        Instant occurredAt,
        Integer durationMinutes,
        String subject,
        String summary,
        Sentiment sentiment,
        List<String> needsHeard,
        String valueProvided,
        String nextSteps,
        boolean requiresResponse,
        UUID inReplyTo,
        List<AttachmentInput> attachments,
        Instant createdAt,
        Instant updatedAt) {
}

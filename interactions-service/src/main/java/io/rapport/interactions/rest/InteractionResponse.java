package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.Direction;
import io.rapport.interactions.InteractionSource;
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
        @Schema(nullable = true) Integer durationMinutes,
        @Schema(nullable = true) String subject,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true) Sentiment sentiment,
        List<String> needsHeard,
        @Schema(nullable = true) String valueProvided,
        @Schema(nullable = true) String nextSteps,
        boolean requiresResponse,
        @Schema(description = "The inbound message this answers, if any", nullable = true) UUID inReplyTo,
        @Schema(description = "MANUAL: logged through the API; CAPTURED: from the rep's mailbox")
        InteractionSource source,
        List<AttachmentView> attachments,
        Instant createdAt,
        Instant updatedAt) {
}

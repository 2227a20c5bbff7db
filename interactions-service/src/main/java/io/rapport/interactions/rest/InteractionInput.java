package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.Direction;
import io.rapport.interactions.InteractionType;
import io.rapport.interactions.Sentiment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A touch-point as a client writes it")
public record InteractionInput(
        @Schema(description = "The contact; it cannot change later") @NotNull UUID contactId,
        @NotNull InteractionType type,
        @NotNull Direction direction,
        @Schema(description = "When it happened; not in the future") @NotNull Instant occurredAt,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Size(max = 200) String subject,
        @Size(max = 20000) String summary,
        @Schema(description = "Optional: how the contact seemed") Sentiment sentiment,
        @Schema(description = "What the contact said they need, in their words")
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> needsHeard,
        @Schema(description = "Required for VALUE_ADD, and only there: what was given")
        @Size(max = 2000) String valueProvided,
        @Size(max = 2000) String nextSteps,
        @Schema(description = "Only for INBOUND: the contact awaits a reply") Boolean requiresResponse,
        @Schema(description = "Only for OUTBOUND: the inbound interaction of the same contact this one answers")
        UUID inReplyTo,
        @Size(max = 20) List<@Valid @NotNull AttachmentInput> attachments) {
}

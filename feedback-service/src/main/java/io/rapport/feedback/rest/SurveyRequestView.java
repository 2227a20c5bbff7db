package io.rapport.feedback.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.delivery.DeliveryStatus;
import io.rapport.feedback.ContextType;
import io.rapport.feedback.SurveyChannel;
import io.rapport.feedback.SurveyKind;
import io.rapport.feedback.SurveyStatus;

@Schema(description = "A survey request")
public record SurveyRequestView(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        @Schema(description = "The rep's name as the survey page shows it") String repName,
        SurveyKind kind,
        SurveyChannel channel,
        @Schema(description = "What the survey follows up on, with contextId", nullable = true) ContextType contextType,
        @Schema(nullable = true) UUID contextId,
        @Schema(description = "PENDING, ANSWERED, EXPIRED or CANCELLED") SurveyStatus status,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Schema(nullable = true) Instant answeredAt,
        @Schema(nullable = true) Instant cancelledAt,
        @Schema(description = "The single-use response token: only in the response to the create, never stored "
                + "(so not in an idempotent replay either)", nullable = true) String token,
        @Schema(description = "The public API path the client answers at, with the token; only with the token",
                nullable = true) String responsePath,
        @Schema(description = "The survey page the client answers on, for a rep to share (channel LINK); only with "
                + "the token", nullable = true) URI link,
        @Schema(description = "For the channels Rapport sends itself (EMAIL): QUEUED, SENDING, SENT, BOUNCED (the mail "
                + "server refused the address), FAILED (given up; see deliveryError) or CANCELLED (before it was sent); "
                + "null for LINK and IN_APP", nullable = true)
        DeliveryStatus deliveryStatus,
        @Schema(description = "When the mail server accepted the message", nullable = true) Instant sentAt,
        @Schema(description = "Attempts at sending it so far; null for LINK and IN_APP", nullable = true)
        Integer deliveryAttempts,
        @Schema(description = "Why the last attempt failed, as the mail server said", nullable = true)
        String deliveryError,
        @Schema(description = "The answer, once there is one", nullable = true) SurveyResponseView response) {

    /** The view of a request just created, with its token: in the answer to the create only, never stored. */
    public SurveyRequestView withToken(String token, String responsePath, URI link) {
        return new SurveyRequestView(id, version, contactId, owner, repName, kind, channel, contextType, contextId,
                status, createdBy, createdAt, expiresAt, answeredAt, cancelledAt, token, responsePath, link,
                deliveryStatus, sentAt, deliveryAttempts, deliveryError, response);
    }
}

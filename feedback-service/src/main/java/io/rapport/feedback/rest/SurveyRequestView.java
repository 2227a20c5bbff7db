package io.rapport.feedback.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rapport.delivery.DeliveryStatus;
import io.rapport.feedback.ContextType;
import io.rapport.feedback.SurveyChannel;
import io.rapport.feedback.SurveyKind;
import io.rapport.feedback.SurveyStatus;

@Schema(description = "A survey request")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyRequestView(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        @Schema(description = "The rep's name as the survey page shows it") String repName,
        SurveyKind kind,
        SurveyChannel channel,
        ContextType contextType,
        UUID contextId,
        @Schema(description = "PENDING, ANSWERED, EXPIRED or CANCELLED") SurveyStatus status,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant answeredAt,
        Instant cancelledAt,
        @Schema(description = "The single-use response token: only in the response to the create, never stored "
                + "(so not in an idempotent replay either)") String token,
        @Schema(description = "The public API path the client answers at, with the token; only with the token") String responsePath,
        @Schema(description = "The survey page the client answers on, for a rep to share (channel LINK); only with the token")
        URI link,
        @Schema(description = "For the channels Rapport sends itself (EMAIL): QUEUED, SENDING, SENT, BOUNCED (the mail "
                + "server refused the address), FAILED (given up; see deliveryError) or CANCELLED (before it was sent)")
        DeliveryStatus deliveryStatus,
        @Schema(description = "When the mail server accepted the message") Instant sentAt,
        @Schema(description = "Attempts at sending it so far") Integer deliveryAttempts,
        @Schema(description = "Why the last attempt failed, as the mail server said") String deliveryError,
        @Schema(description = "The answer, once there is one") SurveyResponseView response) {

    /** The view of a request just created, with its token: in the answer to the create only, never stored. */
    public SurveyRequestView withToken(String token, String responsePath, URI link) {
        return new SurveyRequestView(id, version, contactId, owner, repName, kind, channel, contextType, contextId,
                status, createdBy, createdAt, expiresAt, answeredAt, cancelledAt, token, responsePath, link,
                deliveryStatus, sentAt, deliveryAttempts, deliveryError, response);
    }
}

package io.rapport.feedback.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        @Schema(description = "The public path the client answers at, with the token; only with the token") String responsePath,
        @Schema(description = "The answer, once there is one") SurveyResponseView response) {
}

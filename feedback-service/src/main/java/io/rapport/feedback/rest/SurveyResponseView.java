package io.rapport.feedback.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.feedback.CsatClass;
import io.rapport.feedback.NpsClass;
import io.rapport.feedback.ResponseSource;
import io.rapport.feedback.SurveyResponse;

@Schema(description = "The answer to a survey request")
public record SurveyResponseView(UUID id, UUID requestId, UUID contactId, String owner,
        @Schema(description = "0-10 when the survey asked NPS", nullable = true) Integer npsScore,
        @Schema(nullable = true) NpsClass npsClass,
        @Schema(description = "1-5 when the survey asked CSAT", nullable = true) Integer csatScore,
        @Schema(nullable = true) CsatClass csatClass,
        @Schema(nullable = true) String comment,
        ResponseSource source,
        @Schema(description = "The rep who recorded it for the client; null when the client answered", nullable = true)
        String recordedBy,
        Instant receivedAt) {

    public static SurveyResponseView of(SurveyResponse response) {
        return new SurveyResponseView(response.id, response.requestId, response.contactId, response.owner,
                response.npsScore, response.npsClass(), response.csatScore, response.csatClass(), response.comment,
                response.source, response.recordedBy, response.receivedAt);
    }
}

package io.rapport.feedback.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a contact's feedback history: the surveys sent, newest first, each with its answer")
public record ContactFeedbackPage(
        UUID contactId,
        List<SurveyRequestView> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}

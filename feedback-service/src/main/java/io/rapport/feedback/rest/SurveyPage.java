package io.rapport.feedback.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of survey requests")
public record SurveyPage(
        List<SurveyRequestView> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}

package io.rapport.feedback.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.feedback.SurveyKind;

@Schema(description = "What the public survey page shows: the questions and their scales, whom it is for and from")
public record PublicSurvey(
        SurveyKind kind,
        @Schema(description = "The client's first name", nullable = true) String firstName,
        @Schema(description = "The rep who asks") String repName,
        List<Question> questions,
        @Schema(description = "The prompt for the optional comment") String commentPrompt,
        Instant expiresAt) {

    @Schema(description = "A question and its scale")
    public record Question(
            @Schema(description = "The member of the answer that carries this score: npsScore or csatScore")
            String field,
            String text, int min, int max, String minLabel, String maxLabel) {
    }
}

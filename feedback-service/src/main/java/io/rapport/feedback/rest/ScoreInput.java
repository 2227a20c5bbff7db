package io.rapport.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

@Schema(description = "The answer to a survey: the score(s) its kind asks for, and an optional comment")
public record ScoreInput(
        @Schema(description = "0–10; required when the survey asks NPS, else absent") @Min(0) @Max(10) Integer npsScore,
        @Schema(description = "1–5; required when the survey asks CSAT, else absent") @Min(1) @Max(5) Integer csatScore,
        @Schema(description = "Free text, at most 2000 characters") @Size(max = 2000) String comment) {
}

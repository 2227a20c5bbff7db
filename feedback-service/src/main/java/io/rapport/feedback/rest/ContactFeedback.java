package io.rapport.feedback.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A contact's feedback history: every survey sent, newest first, each with its answer")
public record ContactFeedback(UUID contactId, List<SurveyRequestView> surveys) {
}

package io.rapport.feedback.service;

import java.util.UUID;

import io.rapport.feedback.SurveyKind;
import io.rapport.feedback.SurveyStatus;
import io.rapport.rest.Cursor;

/** A page of survey requests, newest first; null filters are not applied. */
public record SurveyQuery(UUID contactId, String owner, SurveyStatus status, SurveyKind kind, int limit,
        Cursor after) {
}

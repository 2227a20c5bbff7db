package io.rapport.scheduler.rules;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.rapport.scheduler.projection.FeedbackProjection;

/**
 * What FEEDBACK_DUE needs to know of a contact's surveys.
 *
 * @param lastAnswered when the contact last answered one
 * @param openUntil    when the survey awaiting an answer expires, if one does
 * @param lastLapsed   when the last survey that went unanswered expired
 */
public record SurveyHistory(Optional<Instant> lastAnswered, Optional<Instant> openUntil, Optional<Instant> lastLapsed) {

    public static SurveyHistory of(UUID contactId, Instant now) {
        return new SurveyHistory(FeedbackProjection.lastAnswered(contactId),
                FeedbackProjection.openSurvey(contactId, now).map(survey -> survey.expiresAt),
                FeedbackProjection.lastUnansweredExpiry(contactId, now));
    }
}

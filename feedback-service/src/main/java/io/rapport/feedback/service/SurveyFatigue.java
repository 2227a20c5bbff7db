package io.rapport.feedback.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Survey fatigue: a contact is not asked again while a survey to them is pending, nor within
 * {@code rapport.feedback.survey-min-interval-days} of answering one. Checked while the survey's transaction holds
 * the contact's row lock, so two requests at once cannot both pass.
 */
@ApplicationScoped
public class SurveyFatigue {

    private final Duration minInterval;

    public SurveyFatigue(FeedbackConfig config) {
        this.minInterval = Duration.ofDays(config.surveyMinIntervalDays());
    }

    /** @throws io.quarkiverse.resteasy.problem.HttpProblem 409 naming the request that holds the new one back */
    public void check(UUID contactId, Instant now) {
        SurveyRequest pending = SurveyRequest.<SurveyRequest>find(
                "contactId = ?1 and status = ?2 and expiresAt > ?3 order by createdAt desc", contactId,
                SurveyStatus.PENDING, now).firstResult();
        if (pending != null) {
            throw Problems.conflict("Contact " + contactId + " has a pending survey request " + pending.id
                    + " (until " + pending.expiresAt + "): cancel it, or wait for its answer or expiry",
                    "otherRequestId", pending.id.toString());
        }
        SurveyRequest answered = SurveyRequest.<SurveyRequest>find(
                "contactId = ?1 and status = ?2 and answeredAt > ?3 order by answeredAt desc", contactId,
                SurveyStatus.ANSWERED, now.minus(minInterval)).firstResult();
        if (answered != null) {
            Instant nextAllowed = answered.answeredAt.plus(minInterval);
            throw Problems.conflict("Contact " + contactId + " answered survey request " + answered.id + " on "
                    + LocalDate.ofInstant(answered.answeredAt, ZoneOffset.UTC) + "; the next survey may be sent from "
                    + nextAllowed + " (" + minInterval.toDays() + " days later)",
                    "otherRequestId", answered.id.toString());
        }
    }
}

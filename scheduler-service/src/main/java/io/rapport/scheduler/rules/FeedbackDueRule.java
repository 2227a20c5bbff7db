package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.rapport.scheduler.config.RulesConfig;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.SurveyHistory;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * FEEDBACK_DUE: a customer (of the configured stages) who has answered no survey for N days should be asked for
 * feedback. A survey sent and still open holds the suggestion back until it expires; an answer starts the count
 * again. The window is the moment the count starts from, so each lapse suggests one survey.
 */
@ApplicationScoped
public class FeedbackDueRule {

    public static final String NAME = "suggest-survey";
    public static final String SUBJECT = "survey";

    private final RulesConfig.FeedbackDue config;

    public FeedbackDueRule(RulesConfig config) {
        this.config = config.feedbackDue();
    }

    public RuleOutcome evaluate(ContactProjection contact, SurveyHistory surveys, Instant now) {
        if (!contact.isReachable() || !config.stages().contains(contact.lifecycleStage)) {
            return RuleOutcome.none();
        }
        if (surveys.openUntil().isPresent()) {
            return RuleOutcome.later(surveys.openUntil().get());
        }
        boolean answered = surveys.lastAnswered().filter(at -> at.isAfter(contact.contactCreatedAt)).isPresent();
        Instant since = answered ? surveys.lastAnswered().get() : contact.contactCreatedAt;
        Instant due = since.plus(Duration.ofDays(config.afterDays()));
        if (now.isBefore(due)) {
            return RuleOutcome.later(due);
        }
        // a survey sent since then and left unanswered makes this a new suggestion, not the one already handled
        Instant window = surveys.lastLapsed().filter(since::isBefore).orElse(since);
        long days = Duration.between(since, now).toDays();
        LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        String reason = (answered ? "Last survey answered on " + sinceDay + " (" + days + " days ago)"
                : "No survey answered since the contact was added on " + sinceDay + " (" + days + " days ago)")
                + (window.equals(since) ? "" : "; the last survey expired unanswered")
                + "; ask for feedback every " + config.afterDays() + " days";
        return new RuleOutcome(List.of(new TaskProposal(NAME, TaskKind.FEEDBACK_DUE, SUBJECT, window.toString(),
                TaskPriority.LOW, due.isAfter(window) ? due : window, reason, null)), null);
    }
}

package io.rapport.scheduler.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.rapport.scheduler.projection.ContactBatch;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.SurveyHistory;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.service.ContactTasks;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * The rules that fire as days pass rather than on an event (yearly dates, surveys due, the longest a contact may go
 * without a touch-point). Run when the contact changes
 * and by the contact sweep; each run raises what is due now and sets the contact's {@code sweepAt} to the earliest
 * moment one of them can fire next.
 */
@ApplicationScoped
public class ContactTimeRules {

    private final ImportantDateRule importantDates;
    private final FeedbackDueRule feedbackDue;
    private final MaxIntervalRule maxInterval;
    private final TaskService tasks;

    public ContactTimeRules(ImportantDateRule importantDates, FeedbackDueRule feedbackDue, MaxIntervalRule maxInterval,
            TaskService tasks) {
        this.importantDates = importantDates;
        this.feedbackDue = feedbackDue;
        this.maxInterval = maxInterval;
        this.tasks = tasks;
    }

    /** @param sourceEventId the event that changed the contact, or null when the sweep runs the rules */
    @Transactional(TxType.MANDATORY)
    public void evaluate(ContactBatch batch, ContactProjection contact, String sourceEventId) {
        Instant now = batch.now();
        ContactTasks contactTasks = batch.tasks(contact.id);
        RuleOutcome dates = importantDates.evaluate(contact, now);
        SurveyHistory surveys = batch.surveys(contact.id);
        RuleOutcome survey = feedbackDue.evaluate(contact, surveys, now);
        RuleOutcome untouched = maxInterval.evaluate(contact, batch.lastTouch(contact.id), now);

        dates.proposals().forEach(proposal -> tasks.raise(proposal, contactTasks, contact.id, contact.owner,
                sourceEventId));
        List<String> currentDates = contact.isReachable() ? ImportantDateRule.subjects(contact) : List.of();
        contactTasks.open().stream()
                .filter(task -> task.kind == TaskKind.APPRECIATION
                        && task.subject.startsWith(ImportantDateRule.SUBJECT_PREFIX)
                        && !currentDates.contains(task.subject))
                .forEach(task -> tasks.close(task, contactTasks, TaskStatus.AUTO_RESOLVED,
                        contact.isReachable() ? "the date was removed"
                                : "the contact is do-not-contact, former, erased or merged", sourceEventId));
        survey.proposals().stream().findFirst().ifPresentOrElse(
                proposal -> tasks.raise(proposal, contactTasks, contact.id, contact.owner, sourceEventId),
                () -> tasks.resolve(contactTasks, TaskKind.FEEDBACK_DUE, FeedbackDueRule.SUBJECT,
                        surveyNotDue(contact, surveys), sourceEventId));
        untouched.proposals().stream().findFirst().ifPresentOrElse(
                proposal -> tasks.raise(proposal, contactTasks, contact.id, contact.owner, sourceEventId),
                () -> tasks.resolve(contactTasks, TaskKind.CHECK_IN, MaxIntervalRule.SUBJECT,
                        contact.isReachable() && contact.checkInMaxIntervalDays != null
                                ? "within the maximum interval again: a touch-point was logged or the interval lengthened"
                                : "no maximum interval applies to the contact any more",
                        sourceEventId));

        contact.sweepAt = Stream.of(dates.nextLook(), survey.nextLook(), untouched.nextLook())
                .flatMap(Optional::stream)
                .filter(Objects.requireNonNull(now)::isBefore)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static String surveyNotDue(ContactProjection contact, SurveyHistory surveys) {
        if (!contact.isReachable()) {
            return "the contact is do-not-contact, former, erased or merged";
        }
        return surveys.openUntil().isPresent() ? "a survey was sent"
                : "a survey was answered, or the contact is no longer in a surveyed stage";
    }
}

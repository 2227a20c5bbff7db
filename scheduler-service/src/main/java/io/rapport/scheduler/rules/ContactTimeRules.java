package io.rapport.scheduler.rules;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The rules that fire as days pass rather than on an event (yearly dates, surveys due). Run when the contact changes
 * and by the contact sweep; each run raises what is due now and sets the contact's {@code sweepAt} to the earliest
 * moment one of them can fire next.
 */
@ApplicationScoped
public class ContactTimeRules {

    private final ImportantDateRule importantDates;
    private final FeedbackDueRule feedbackDue;
    private final TaskService tasks;
    private final Clock clock;

    public ContactTimeRules(ImportantDateRule importantDates, FeedbackDueRule feedbackDue, TaskService tasks,
            Clock clock) {
        this.importantDates = importantDates;
        this.feedbackDue = feedbackDue;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** @param sourceEventId the event that changed the contact, or null when the sweep runs the rules */
    @Transactional(TxType.MANDATORY)
    public void evaluate(ContactProjection contact, String sourceEventId) {
        Instant now = clock.instant();
        RuleOutcome dates = importantDates.evaluate(contact, now);
        SurveyHistory surveys = SurveyHistory.of(contact.contactId, now);
        RuleOutcome survey = feedbackDue.evaluate(contact, surveys, now);

        dates.proposals().forEach(proposal -> tasks.raise(proposal, contact.contactId, contact.owner, sourceEventId));
        List<String> currentDates = contact.isReachable() ? ImportantDateRule.subjects(contact) : List.of();
        openDateTasks(contact).filter(task -> !currentDates.contains(task.subject)).toList().forEach(task ->
                tasks.close(task, TaskStatus.AUTO_RESOLVED, contact.isReachable() ? "the date was removed"
                        : "the contact is do-not-contact, former, erased or merged", sourceEventId));
        survey.proposals().stream().findFirst().ifPresentOrElse(
                proposal -> tasks.raise(proposal, contact.contactId, contact.owner, sourceEventId),
                () -> tasks.resolve(contact.contactId, TaskKind.FEEDBACK_DUE, FeedbackDueRule.SUBJECT,
                        surveyNotDue(contact, surveys), sourceEventId));

        contact.sweepAt = Stream.of(dates.nextLook(), survey.nextLook())
                .flatMap(Optional::stream)
                .filter(Objects.requireNonNull(now)::isBefore)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static Stream<Task> openDateTasks(ContactProjection contact) {
        return Task.<Task>stream("contactId = ?1 and kind = ?2 and subject like ?3 and status in ?4",
                contact.contactId, TaskKind.APPRECIATION, ImportantDateRule.SUBJECT_PREFIX + "%",
                List.of(TaskStatus.OPEN, TaskStatus.SNOOZED));
    }

    private static String surveyNotDue(ContactProjection contact, SurveyHistory surveys) {
        if (!contact.isReachable()) {
            return "the contact is do-not-contact, former, erased or merged";
        }
        return surveys.openUntil().isPresent() ? "a survey was sent"
                : "a survey was answered, or the contact is no longer in a surveyed stage";
    }
}

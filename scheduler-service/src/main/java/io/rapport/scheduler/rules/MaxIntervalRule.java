package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An URGENT CHECK_IN when a contact has gone {@code checkInMaxIntervalDays} without a touch-point. Unlike the cadence,
 * closing a check-in does not reset this count: only a touch-point does, so a contact whose check-ins are ticked off
 * without anyone getting in touch still comes up. The window is the moment the count starts from, so each lapse
 * raises one task; a touch-point resolves it.
 */
@ApplicationScoped
public class MaxIntervalRule {

    public static final String NAME = "check-in-max-interval";
    public static final String SUBJECT = "check-in:max-interval";

    public RuleOutcome evaluate(ContactProjection contact, Optional<Instant> lastTouch, Instant now) {
        if (!contact.isReachable() || contact.checkInMaxIntervalDays == null) {
            return RuleOutcome.none();
        }
        Optional<Instant> touched = contact.touchSinceAdded(lastTouch);
        Instant since = touched.orElse(contact.contactCreatedAt);
        Instant lapsesAt = since.plus(Duration.ofDays(contact.checkInMaxIntervalDays));
        if (now.isBefore(lapsesAt)) {
            return RuleOutcome.later(lapsesAt);
        }
        LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        String reason = (touched.isPresent() ? "No touch-point since " + sinceDay
                : "No touch-point since the contact was added on " + sinceDay)
                + ": longer than the " + contact.checkInMaxIntervalDays + " days this contact may go without one";
        return new RuleOutcome(List.of(new TaskProposal(NAME, TaskKind.CHECK_IN, SUBJECT, since.toString(),
                TaskPriority.URGENT, lapsesAt, reason, null)), null);
    }
}

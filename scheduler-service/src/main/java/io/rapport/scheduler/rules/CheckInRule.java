package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CHECK_IN: when {@code cadence} days pass without a touch-point, the rep should get in touch. The cadence counts from
 * the latest of the contact's creation, its last touch-point and the last time a rep completed or dismissed its
 * check-in, so closing a check-in without logging a touch-point schedules the next one instead of none. That moment
 * is the task's window: a new touch-point (or a closed check-in) replaces the open check-in with the next one. Never
 * for contacts that must not be contacted, former, erased or merged ones.
 */
@ApplicationScoped
public class CheckInRule {

    public static final String NAME = "check-in-cadence";
    public static final String SUBJECT = "check-in";

    /** @return the check-in to have open, or empty when the contact should get none */
    public Optional<TaskProposal> propose(ContactProjection contact, Optional<Instant> lastTouch) {
        if (!contact.isReachable()) {
            return Optional.empty();
        }
        Optional<Instant> touched = contact.touchSinceAdded(lastTouch);
        Instant since = touched.orElse(contact.contactCreatedAt);
        String reason = touched.isPresent() ? "Last touch-point on " : "No touch-point since the contact was added on ";
        if (contact.checkInClosedAt != null && contact.checkInClosedAt.isAfter(since)) {
            since = contact.checkInClosedAt;
            reason = "Last check-in closed on ";
        }
        Instant due = since.plus(Duration.ofDays(contact.checkInCadenceDays));
        reason += LocalDate.ofInstant(since, ZoneOffset.UTC) + "; check-in cadence " + contact.checkInCadenceDays
                + " days";
        return Optional.of(new TaskProposal(NAME, TaskKind.CHECK_IN, SUBJECT, since.toString(), TaskPriority.NORMAL,
                due, reason, null));
    }
}

package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * CHECK_IN: when {@code cadence} days pass without a touch-point, the rep should get in touch. The window is the
 * moment the cadence counts from, so a new touch-point replaces the open check-in with the next one. Never for
 * contacts that must not be contacted, former, erased or merged ones.
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
        boolean touched = lastTouch.isPresent() && lastTouch.get().isAfter(contact.contactCreatedAt);
        Instant since = touched ? lastTouch.get() : contact.contactCreatedAt;
        Instant due = since.plus(Duration.ofDays(contact.checkInCadenceDays));
        LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        String reason = (touched ? "Last touch-point on " + sinceDay
                : "No touch-point since the contact was added on " + sinceDay)
                + "; check-in cadence " + contact.checkInCadenceDays + " days";
        return Optional.of(new TaskProposal(NAME, TaskKind.CHECK_IN, SUBJECT, since.toString(), TaskPriority.NORMAL,
                due, reason, null));
    }
}

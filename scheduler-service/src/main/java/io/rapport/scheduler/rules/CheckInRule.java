package io.rapport.scheduler.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskPriority;
import jakarta.enterprise.context.ApplicationScoped;

/** CHECK_IN: when {@code cadence} days pass without a touch-point, the rep should get in touch. */
@ApplicationScoped
public class CheckInRule {

    public static final String NAME = "check-in-cadence";
    static final String SUBJECT = "check-in";

    public TaskProposal propose(ContactProjection contact) {
        boolean touched = contact.lastTouchAt != null;
        Instant since = touched ? contact.lastTouchAt : contact.contactCreatedAt;
        Instant due = since.plus(Duration.ofDays(contact.checkInCadenceDays));
        LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        String reason = (touched ? "Last touch-point on " + sinceDay : "No touch-point since the contact was added on "
                + sinceDay) + "; check-in cadence " + contact.checkInCadenceDays + " days";
        return new TaskProposal(NAME, TaskKind.CHECK_IN, SUBJECT, due.toString(), TaskPriority.NORMAL, due, reason);
    }
}

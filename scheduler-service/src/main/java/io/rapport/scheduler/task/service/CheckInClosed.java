package io.rapport.scheduler.task.service;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction) when a rep completes or dismisses one of a contact's check-ins, so
 * that the contact's next check-in is scheduled from then. A CDI event, because what schedules check-ins (the rules,
 * over the projection) depends on the tasks, not the other way round.
 */
public record CheckInClosed(UUID contactId, Instant at) {
}

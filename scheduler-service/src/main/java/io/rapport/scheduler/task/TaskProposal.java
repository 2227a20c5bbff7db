package io.rapport.scheduler.task;

import java.time.Instant;

/**
 * What a rule wants done for a contact.
 *
 * @param subject what the task is about within its kind; one open task per (contact, kind, subject)
 * @param window     with rule, contact and subject, determines the task id, so a replay raises the same task
 * @param escalateAt when the task, still open, becomes urgent; null for tasks that never escalate
 */
public record TaskProposal(String rule, TaskKind kind, String subject, String window, TaskPriority priority,
        Instant dueAt, String reason, Instant escalateAt) {
}

package io.rapport.scheduler.task;

/** What a task asks of the rep. Every kind but FOLLOW_UP is raised by a rule; a rep adds a FOLLOW_UP by hand. */
public enum TaskKind {
    CHECK_IN, COMMITMENT_DUE, RESPOND, RECOVERY, APPRECIATION, FEEDBACK_DUE, FOLLOW_UP
}

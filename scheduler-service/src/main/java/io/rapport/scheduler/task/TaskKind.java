package io.rapport.scheduler.task;

public enum TaskKind {
    CHECK_IN, COMMITMENT_DUE, RESPOND, RECOVERY, APPRECIATION, FEEDBACK_DUE
}

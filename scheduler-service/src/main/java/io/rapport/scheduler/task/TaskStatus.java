package io.rapport.scheduler.task;

public enum TaskStatus {
    OPEN, SNOOZED, COMPLETED, DISMISSED, AUTO_RESOLVED
}

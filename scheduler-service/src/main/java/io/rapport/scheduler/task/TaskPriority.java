package io.rapport.scheduler.task;

public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}

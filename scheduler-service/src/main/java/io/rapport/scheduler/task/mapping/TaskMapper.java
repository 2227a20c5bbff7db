package io.rapport.scheduler.task.mapping;

import io.rapport.events.contract.TaskSnapshot;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.rest.TaskResponse;

public final class TaskMapper {

    private TaskMapper() {
    }

    /** @param contactName the contact's display name; null when it has none (erased, or not projected yet) */
    public static TaskResponse toResponse(Task task, String contactName) {
        return new TaskResponse(task.id, task.version, task.contactId, contactName, task.owner, task.kind, task.subject,
                task.status, task.priority, task.dueAt, task.reason, task.rule, task.sourceEventIds, task.resolution,
                task.snoozedUntil, task.createdAt, task.updatedAt);
    }

    public static TaskSnapshot toSnapshot(Task task) {
        return toSnapshot(task, task.version);
    }

    /** @param version the version the task has once the change the event reports is written */
    public static TaskSnapshot toSnapshot(Task task, long version) {
        return new TaskSnapshot(task.id, version, task.contactId, task.owner, task.kind.name(),
                task.status.name(), task.priority.name(), task.dueAt, task.rule, task.sourceEventIds,
                task.createdAt, task.updatedAt);
    }
}

package io.rapport.scheduler.task.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.rest.TaskResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** Tasks as the API answers them, each with its contact's display name (read for all of them at once). */
@ApplicationScoped
public class TaskResponses {

    private final ContactNames contactNames;

    public TaskResponses(ContactNames contactNames) {
        this.contactNames = contactNames;
    }

    public List<TaskResponse> of(List<Task> tasks) {
        Map<UUID, String> names = contactNames.of(tasks.stream().map(task -> task.contactId).distinct().toList());
        return tasks.stream().map(task -> TaskMapper.toResponse(task, names.get(task.contactId))).toList();
    }

    public TaskResponse of(Task task) {
        return of(List.of(task)).get(0);
    }
}

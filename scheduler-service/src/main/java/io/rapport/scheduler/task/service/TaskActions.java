package io.rapport.scheduler.task.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.Preconditions;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/** What a rep does with a task: complete it, snooze it until later, or dismiss it with a reason. */
@ApplicationScoped
public class TaskActions {

    private final TaskService tasks;
    private final Event<CheckInClosed> checkInClosed;
    private final Clock clock;

    public TaskActions(TaskService tasks, Event<CheckInClosed> checkInClosed, Clock clock) {
        this.tasks = tasks;
        this.checkInClosed = checkInClosed;
        this.clock = clock;
    }

    /** The task, if the caller may see it; another rep's task is as unknown as a missing one. */
    public Task get(UUID id, Caller caller) {
        Task task = Task.findById(id);
        if (task == null || !caller.canRead(task.owner)) {
            throw new NotFoundException("No task " + id);
        }
        return task;
    }

    @Transactional
    public Task complete(UUID id, String note, String ifMatch, Caller caller) {
        Task task = actionable(id, ifMatch, caller);
        tasks.close(task, TaskStatus.COMPLETED, "completed by " + caller.userId() + (note == null ? "" : ": " + note),
                null);
        scheduleNextCheckIn(task);
        return task;
    }

    @Transactional
    public Task dismiss(UUID id, String reason, String ifMatch, Caller caller) {
        Task task = actionable(id, ifMatch, caller);
        tasks.close(task, TaskStatus.DISMISSED, "dismissed by " + caller.userId() + ": " + reason, null);
        scheduleNextCheckIn(task);
        return task;
    }

    /** Hides the task until {@code until}; it is due again then, and never silently lost. */
    @Transactional
    public Task snooze(UUID id, Instant until, String ifMatch, Caller caller) {
        Task task = actionable(id, ifMatch, caller);
        if (!until.isAfter(clock.instant())) {
            throw InvalidInput.field("until", "must be in the future");
        }
        tasks.snooze(task, until);
        return task;
    }

    /** A closed check-in never leaves the contact without one: the cadence starts again from now. */
    private void scheduleNextCheckIn(Task task) {
        if (task.kind == TaskKind.CHECK_IN) {
            checkInClosed.fire(new CheckInClosed(task.contactId, clock.instant()));
        }
    }

    private Task actionable(UUID id, String ifMatch, Caller caller) {
        Task task = get(id, caller);
        if (!caller.canWrite(task.owner)) {
            throw new ForbiddenException("Read-only access to task " + id);
        }
        Preconditions.requireIfMatch(ifMatch, task.version);
        if (task.status != TaskStatus.OPEN && task.status != TaskStatus.SNOOZED) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("Task " + id + " is already " + task.status).build();
        }
        return task;
    }
}

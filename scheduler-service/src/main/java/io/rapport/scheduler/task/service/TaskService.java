package io.rapport.scheduler.task.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.scheduler.rules.TaskProposal;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.mapping.TaskMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Raises, moves and closes tasks, and publishes every change as a task event. */
@ApplicationScoped
public class TaskService {

    private static final List<TaskStatus> OPEN = List.of(TaskStatus.OPEN, TaskStatus.SNOOZED);

    private final EventPublisher events;
    private final Clock clock;

    public TaskService(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes sure the proposed task exists. An open task of the same (contact, kind, subject) and window is moved to
     * the proposal's due time and reason; one of another window is auto-resolved and replaced. A task already
     * raised for this window (even if closed since) is never raised again.
     *
     * @param sourceEventId the event that called for the task; null when the sweep raises it because time passed
     */
    @Transactional(TxType.MANDATORY)
    public Task raise(TaskProposal proposal, UUID contactId, String owner, String sourceEventId) {
        Optional<Task> open = openTask(contactId, proposal.kind(), proposal.subject());
        if (open.isPresent() && open.get().window.equals(proposal.window())) {
            return reschedule(open.get(), proposal, sourceEventId);
        }
        open.ifPresent(task -> close(task, TaskStatus.AUTO_RESOLVED, "superseded: " + proposal.reason(),
                sourceEventId));
        UUID id = taskId(proposal, contactId);
        Task existing = Task.findById(id);
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        Task task = new Task();
        task.id = id;
        task.contactId = contactId;
        task.owner = owner;
        task.kind = proposal.kind();
        task.subject = proposal.subject();
        task.window = proposal.window();
        task.status = TaskStatus.OPEN;
        task.priority = proposal.priority();
        task.dueAt = proposal.dueAt();
        task.reason = proposal.reason();
        task.rule = proposal.rule();
        task.escalateAt = proposal.escalateAt();
        task.sweepAt = proposal.escalateAt();
        task.sourceEventIds = sourceEventId == null ? List.of() : List.of(sourceEventId);
        task.createdAt = now;
        task.updatedAt = now;
        task.persist();
        events.publish(EventType.TASK_CREATED, task.contactId, task.id, TaskMapper.toSnapshot(task));
        return task;
    }

    /** Auto-resolves the open task of (contact, kind, subject), if there is one. */
    @Transactional(TxType.MANDATORY)
    public void resolve(UUID contactId, TaskKind kind, String subject, String resolution, String sourceEventId) {
        openTask(contactId, kind, subject)
                .ifPresent(task -> close(task, TaskStatus.AUTO_RESOLVED, resolution, sourceEventId));
    }

    /** Auto-resolves every open task of the contact, e.g. once it is erased or merged. */
    @Transactional(TxType.MANDATORY)
    public void resolveAll(UUID contactId, String resolution, String sourceEventId) {
        Task.<Task>list("contactId = ?1 and status in ?2", contactId, OPEN)
                .forEach(task -> close(task, TaskStatus.AUTO_RESOLVED, resolution, sourceEventId));
    }

    /** Closes a task (completed or dismissed by a rep, or auto-resolved) and publishes the matching event. */
    @Transactional(TxType.MANDATORY)
    public void close(Task task, TaskStatus status, String resolution, String sourceEventId) {
        task.status = status;
        task.resolution = resolution;
        task.snoozedUntil = null;
        task.sweepAt = null;
        if (sourceEventId != null) {
            List<String> sources = new ArrayList<>(task.sourceEventIds);
            sources.add(sourceEventId);
            task.sourceEventIds = sources;
        }
        task.updatedAt = clock.instant();
        task.flush();
        EventType type = switch (status) {
            case COMPLETED -> EventType.TASK_COMPLETED;
            case DISMISSED -> EventType.TASK_DISMISSED;
            default -> EventType.TASK_AUTO_RESOLVED;
        };
        events.publish(type, task.contactId, task.id, TaskMapper.toSnapshot(task));
    }

    @Transactional(TxType.MANDATORY)
    public void snooze(Task task, Instant until) {
        task.status = TaskStatus.SNOOZED;
        task.snoozedUntil = until;
        task.sweepAt = until;
        task.updatedAt = clock.instant();
        task.flush();
        events.publish(EventType.TASK_SNOOZED, task.contactId, task.id, TaskMapper.toSnapshot(task));
    }

    public Optional<Task> openTask(UUID contactId, TaskKind kind, String subject) {
        return Task.find("contactId = :contact and kind = :kind and subject = :subject and status in :open",
                Parameters.with("contact", contactId).and("kind", kind).and("subject", subject).and("open", OPEN))
                .firstResultOptional();
    }

    public List<Task> list(TaskQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        return Task.<Task>find(query.hql(parameters), parameters).page(0, query.limit()).list();
    }

    private Task reschedule(Task task, TaskProposal proposal, String sourceEventId) {
        if (task.dueAt.equals(proposal.dueAt()) && task.reason.equals(proposal.reason())) {
            return task;
        }
        task.dueAt = proposal.dueAt();
        task.reason = proposal.reason();
        task.escalateAt = proposal.escalateAt();
        if (task.status == TaskStatus.OPEN) {
            task.sweepAt = proposal.escalateAt();
        }
        if (sourceEventId != null) {
            List<String> sources = new ArrayList<>(task.sourceEventIds);
            sources.add(sourceEventId);
            task.sourceEventIds = sources;
        }
        task.updatedAt = clock.instant();
        return task;
    }

    static UUID taskId(TaskProposal proposal, UUID contactId) {
        String name = String.join("|", proposal.rule(), contactId.toString(), proposal.subject(), proposal.window());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

package io.rapport.scheduler.task.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskProposal;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.mapping.TaskMapper;
import io.rapport.transaction.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** Raises, moves and closes tasks, and publishes every change as a task event. */
@ApplicationScoped
public class TaskService {

    /** What an erased contact's tasks say in place of their text. */
    static final String ERASED = "the contact was erased";

    /** The contacts' tasks the current transaction has loaded (see {@link #tasksOf(UUID)}). */
    private static final Object KNOWN_TASKS = new Object();

    private final EventPublisher events;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;

    public TaskService(EventPublisher events, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Makes sure the proposed task exists. An open task of the same (contact, kind, subject) and window is moved to
     * the proposal's due time and reason; one of another window is auto-resolved and replaced. A task already
     * raised for this window (even if closed since) is never raised again.
     *
     * @param sourceEventId the event that called for the task; null when the sweep raises it because time passed
     */
    @Transactional(TxType.MANDATORY)
    public void raise(TaskProposal proposal, UUID contactId, String owner, String sourceEventId) {
        raise(proposal, tasksOf(contactId), contactId, owner, sourceEventId);
    }

    /** As {@link #raise(TaskProposal, UUID, String, String)}, with the contact's tasks already loaded. */
    @Transactional(TxType.MANDATORY)
    public void raise(TaskProposal proposal, ContactTasks contactTasks, UUID contactId, String owner,
            String sourceEventId) {
        Optional<Task> open = contactTasks.open(proposal.kind(), proposal.subject());
        if (open.isPresent() && open.get().window.equals(proposal.window())) {
            reschedule(open.get(), proposal, sourceEventId);
            return;
        }
        open.ifPresent(task -> close(task, contactTasks, TaskStatus.AUTO_RESOLVED, "superseded: " + proposal.reason(),
                sourceEventId));
        UUID id = taskId(proposal, contactId);
        if (contactTasks.wasRaised(id)) {
            return;
        }
        Task task = newTask(id, proposal, contactId, owner);
        task.sourceEventIds = sourceEventId == null ? List.of() : List.of(sourceEventId);
        open(task, contactTasks);
    }

    /**
     * Continues another contact's open (or snoozed) task on this one, a merge's survivor: the same rule, kind,
     * subject, window, due time, priority, reason and snooze, under the id the rule would have given it here, so a
     * replayed merge finds it raised already. Nothing is carried when the contact has an open task of that kind and
     * subject of its own.
     */
    @Transactional(TxType.MANDATORY)
    public void carryOver(Task task, ContactTasks contactTasks, UUID contactId, String owner, String sourceEventId) {
        TaskProposal proposal = proposalOf(task);
        UUID id = taskId(proposal, contactId);
        if (contactTasks.wasRaised(id) || contactTasks.open(task.kind, task.subject).isPresent()) {
            return;
        }
        Task carried = newTask(id, proposal, contactId, owner);
        carried.status = task.status;
        carried.snoozedUntil = task.snoozedUntil;
        carried.sweepAt = task.sweepAt;
        carried.sourceEventIds = withSource(task.sourceEventIds, sourceEventId);
        open(carried, contactTasks);
    }

    /**
     * Opens a task a rep asked for, as proposed (with no event behind it), and returns it; the caller has made sure
     * that the contact has no open task of its kind and subject.
     */
    @Transactional(TxType.MANDATORY)
    public Task add(TaskProposal proposal, UUID contactId, String owner) {
        Task task = newTask(taskId(proposal, contactId), proposal, contactId, owner);
        task.sourceEventIds = List.of();
        open(task, tasksOf(contactId));
        return task;
    }

    /**
     * Records on a merge's survivor that a rep closed (completed or dismissed) another contact's task: under the id
     * its rule gives it there, closed as it was, so that a later version of what it was about does not raise it
     * again. Published as nothing: for the tasks' consumers it was closed already.
     */
    @Transactional(TxType.MANDATORY)
    public void carryOverClosed(Task task, ContactTasks contactTasks, UUID contactId, String owner) {
        TaskProposal proposal = proposalOf(task);
        UUID id = taskId(proposal, contactId);
        if (contactTasks.wasRaised(id)) {
            return;
        }
        Task closed = newTask(id, proposal, contactId, owner);
        closed.status = task.status;
        closed.resolution = task.resolution;
        closed.sweepAt = null;
        closed.sourceEventIds = task.sourceEventIds;
        closed.persist();
        contactTasks.raisedClosed(closed);
    }

    private static TaskProposal proposalOf(Task task) {
        return new TaskProposal(task.rule, task.kind, task.subject, task.window, task.priority, task.dueAt,
                task.reason, task.escalateAt);
    }

    private Task newTask(UUID id, TaskProposal proposal, UUID contactId, String owner) {
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
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    private void open(Task task, ContactTasks contactTasks) {
        task.persist();
        contactTasks.opened(task);
        events.publish(EventType.TASK_CREATED, task.contactId, task.id, TaskMapper.toSnapshot(task));
    }

    /** Auto-resolves the open task of (contact, kind, subject), if there is one. */
    @Transactional(TxType.MANDATORY)
    public void resolve(UUID contactId, TaskKind kind, String subject, String resolution, String sourceEventId) {
        resolve(tasksOf(contactId), kind, subject, resolution, sourceEventId);
    }

    /** As {@link #resolve(UUID, TaskKind, String, String, String)}, with the contact's tasks already loaded. */
    @Transactional(TxType.MANDATORY)
    public void resolve(ContactTasks contactTasks, TaskKind kind, String subject, String resolution,
            String sourceEventId) {
        contactTasks.open(kind, subject).ifPresent(task -> close(task, contactTasks, TaskStatus.AUTO_RESOLVED,
                resolution, sourceEventId));
    }

    /** Auto-resolves every open task of the contact, e.g. once it is erased or merged. */
    @Transactional(TxType.MANDATORY)
    public void resolveAll(UUID contactId, String resolution, String sourceEventId) {
        ContactTasks contactTasks = tasksOf(contactId);
        contactTasks.open().forEach(task -> close(task, contactTasks, TaskStatus.AUTO_RESOLVED, resolution,
                sourceEventId));
    }

    /**
     * An erased contact's tasks keep no text about them: reasons quote what the rules read (a date's
     * label), subjects may name a date, resolutions hold what reps wrote. Run before its open
     * tasks are closed, so that the events closing them carry none of it either.
     */
    @Transactional(TxType.MANDATORY)
    public void forgetText(UUID contactId) {
        for (Task task : Task.<Task>list("contactId", contactId)) {
            task.reason = ERASED;
            task.subject = ERASED;
            task.resolution = task.resolution == null ? null : ERASED;
            task.updatedAt = clock.instant();
        }
    }

    /**
     * The contact's tasks as this transaction knows them: loaded once, then kept current as tasks are raised and
     * closed, so that the events of a batch about one contact ask the database once.
     */
    @Transactional(TxType.MANDATORY)
    public ContactTasks tasksOf(UUID contactId) {
        return tasksOf(List.of(contactId)).get(contactId);
    }

    /** The tasks of each of the contacts, those this transaction has not loaded yet read in two queries. */
    @Transactional(TxType.MANDATORY)
    public Map<UUID, ContactTasks> tasksOf(Collection<UUID> contactIds) {
        Map<UUID, ContactTasks> known = knownTasks();
        List<UUID> missing = contactIds.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            known.putAll(ContactTasks.of(missing));
        }
        return Collections.unmodifiableMap(known);
    }

    /** A reassigned contact's open tasks go to its new owner. */
    @Transactional(TxType.MANDATORY)
    public void reassign(UUID contactId, String owner) {
        tasksOf(contactId).open().stream().filter(task -> !owner.equals(task.owner)).forEach(task -> {
            task.owner = owner;
            task.updatedAt = clock.instant();
        });
    }

    private Map<UUID, ContactTasks> knownTasks() {
        return TransactionResources.get(transactions, KNOWN_TASKS, HashMap::new);
    }

    /** Closes one of the contact's loaded tasks, which then no longer counts as open. */
    @Transactional(TxType.MANDATORY)
    public void close(Task task, ContactTasks contactTasks, TaskStatus status, String resolution,
            String sourceEventId) {
        if (contactTasks.openedHere(task)) {
            close(task, status, resolution, sourceEventId); // not inserted yet: written now, so versions agree
        } else {
            // a loaded task: the next flush writes this change in one update, which adds one to its version; not
            // flushing here spares a dirty check of every entity the batch holds, for each task closed
            closeUnflushed(task, status, resolution, sourceEventId);
            events.publish(eventType(status), task.contactId, task.id, TaskMapper.toSnapshot(task, task.version + 1));
        }
        contactTasks.closed(task);
    }

    /** Closes a task (completed or dismissed by a rep, or auto-resolved) and publishes the matching event. */
    @Transactional(TxType.MANDATORY)
    public void close(Task task, TaskStatus status, String resolution, String sourceEventId) {
        closeUnflushed(task, status, resolution, sourceEventId);
        task.flush(); // the version the event carries is the one the update writes
        events.publish(eventType(status), task.contactId, task.id, TaskMapper.toSnapshot(task));
    }

    private void closeUnflushed(Task task, TaskStatus status, String resolution, String sourceEventId) {
        task.status = status;
        task.resolution = resolution;
        task.snoozedUntil = null;
        task.sweepAt = null;
        task.sourceEventIds = withSource(task.sourceEventIds, sourceEventId);
        task.updatedAt = clock.instant();
    }

    private static EventType eventType(TaskStatus status) {
        return switch (status) {
            case COMPLETED -> EventType.TASK_COMPLETED;
            case DISMISSED -> EventType.TASK_DISMISSED;
            default -> EventType.TASK_AUTO_RESOLVED;
        };
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

    public List<Task> list(TaskQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        return Task.<Task>find(query.hql(parameters), parameters).page(0, query.limit()).list();
    }

    private void reschedule(Task task, TaskProposal proposal, String sourceEventId) {
        if (task.dueAt.equals(proposal.dueAt()) && task.reason.equals(proposal.reason())) {
            return;
        }
        task.dueAt = proposal.dueAt();
        task.reason = proposal.reason();
        task.escalateAt = proposal.escalateAt();
        if (task.status == TaskStatus.OPEN) {
            task.sweepAt = proposal.escalateAt();
        }
        task.sourceEventIds = withSource(task.sourceEventIds, sourceEventId);
        task.updatedAt = clock.instant();
    }

    /** The events behind a task, with one more; the same list when there is none (the sweep acting on time). */
    private static List<String> withSource(List<String> sourceEventIds, String sourceEventId) {
        if (sourceEventId == null) {
            return sourceEventIds;
        }
        List<String> sources = new ArrayList<>(sourceEventIds);
        sources.add(sourceEventId);
        return sources;
    }

    static UUID taskId(TaskProposal proposal, UUID contactId) {
        String name = String.join("|", proposal.rule(), contactId.toString(), proposal.subject(), proposal.window());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

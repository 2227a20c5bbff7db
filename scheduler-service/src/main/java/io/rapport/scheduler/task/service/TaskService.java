package io.rapport.scheduler.task.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.rules.TaskProposal;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.mapping.TaskMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

@ApplicationScoped
public class TaskService {

    private final EventPublisher events;
    private final Clock clock;

    public TaskService(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes sure the proposed task exists: creates it (publishing task.created), or moves the open task of the same
     * (contact, kind, subject) to the proposal's due date and reason. A proposal already raised changes nothing.
     */
    @Transactional(TxType.MANDATORY)
    public Task raise(TaskProposal proposal, ContactProjection contact, String sourceEventId) {
        UUID id = taskId(proposal, contact.contactId);
        Optional<Task> open = Task.find("contactId = :contact and kind = :kind and subject = :subject and status in :open",
                Parameters.with("contact", contact.contactId).and("kind", proposal.kind())
                        .and("subject", proposal.subject()).and("open", List.of(TaskStatus.OPEN, TaskStatus.SNOOZED)))
                .firstResultOptional();
        if (open.isPresent()) {
            return reschedule(open.get(), proposal, sourceEventId);
        }
        Task existing = Task.findById(id);
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        Task task = new Task();
        task.id = id;
        task.contactId = contact.contactId;
        task.owner = contact.owner;
        task.kind = proposal.kind();
        task.subject = proposal.subject();
        task.status = TaskStatus.OPEN;
        task.priority = proposal.priority();
        task.dueAt = proposal.dueAt();
        task.reason = proposal.reason();
        task.rule = proposal.rule();
        task.sourceEventIds = List.of(sourceEventId);
        task.createdAt = now;
        task.updatedAt = now;
        task.persistAndFlush();
        events.publish(EventType.TASK_CREATED, task.contactId, task.id, TaskMapper.toSnapshot(task));
        return task;
    }

    public List<Task> list(TaskQuery query, int pageIndex, int pageSize) {
        return Task.find(query.where(), Sort.by("dueAt").and("id"), query.parameters())
                .page(Page.of(pageIndex, pageSize))
                .list();
    }

    public long count(TaskQuery query) {
        return Task.count(query.where(), query.parameters());
    }

    private Task reschedule(Task task, TaskProposal proposal, String sourceEventId) {
        if (task.dueAt.equals(proposal.dueAt()) && task.reason.equals(proposal.reason())) {
            return task;
        }
        task.dueAt = proposal.dueAt();
        task.reason = proposal.reason();
        List<String> sources = new ArrayList<>(task.sourceEventIds);
        sources.add(sourceEventId);
        task.sourceEventIds = sources;
        task.updatedAt = clock.instant();
        return task;
    }

    static UUID taskId(TaskProposal proposal, UUID contactId) {
        String name = String.join("|", proposal.rule(), contactId.toString(), proposal.subject(), proposal.window());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

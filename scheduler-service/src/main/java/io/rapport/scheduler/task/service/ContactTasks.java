package io.rapport.scheduler.task.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;

/**
 * One contact's tasks as the rules need them: those open (or snoozed), and the ids of every task ever raised, so that
 * a task of a window already handled is never raised again. Loaded for many contacts in two queries, and kept current
 * by {@link TaskService} as it raises and closes tasks.
 */
public final class ContactTasks {

    static final List<TaskStatus> OPEN = List.of(TaskStatus.OPEN, TaskStatus.SNOOZED);

    private final List<Task> open;
    private final Set<UUID> raised;
    private final Set<UUID> openedHere = new HashSet<>();

    private ContactTasks(List<Task> open, Set<UUID> raised) {
        this.open = open;
        this.raised = raised;
    }

    /** The tasks of each of the contacts (an entry for every one of them). */
    public static Map<UUID, ContactTasks> of(Collection<UUID> contactIds) {
        Map<UUID, ContactTasks> tasks = new HashMap<>();
        contactIds.forEach(id -> tasks.put(id, new ContactTasks(new ArrayList<>(), new HashSet<>())));
        if (contactIds.isEmpty()) {
            return tasks;
        }
        Task.<Task>list("contactId in ?1 and status in ?2", contactIds, OPEN)
                .forEach(task -> tasks.get(task.contactId).open.add(task));
        Task.getEntityManager().createQuery("select t.contactId, t.id from Task t where t.contactId in :contacts",
                Object[].class).setParameter("contacts", contactIds).getResultList()
                .forEach(row -> tasks.get((UUID) row[0]).raised.add((UUID) row[1]));
        return tasks;
    }

    public static ContactTasks of(UUID contactId) {
        return of(List.of(contactId)).get(contactId);
    }

    /** The open (or snoozed) task of this kind and subject, if there is one. */
    public Optional<Task> open(TaskKind kind, String subject) {
        return open.stream().filter(task -> task.kind == kind && task.subject.equals(subject)).findFirst();
    }

    /** Every open (or snoozed) task of the contact, in no particular order. */
    public List<Task> open() {
        return List.copyOf(open);
    }

    boolean wasRaised(UUID taskId) {
        return raised.contains(taskId);
    }

    void opened(Task task) {
        open.add(task);
        raised.add(task.id);
        openedHere.add(task.id);
    }

    /** Whether the task was raised in this transaction (and so may not be in the database yet). */
    boolean openedHere(Task task) {
        return openedHere.contains(task.id);
    }

    /** A task written closed, as a record that it was handled: raised, never open. */
    void raisedClosed(Task task) {
        raised.add(task.id);
        openedHere.add(task.id);
    }

    void closed(Task task) {
        open.remove(task);
    }
}

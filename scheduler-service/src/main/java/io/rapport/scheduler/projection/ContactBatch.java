package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.rapport.scheduler.task.service.ContactTasks;

/**
 * Contacts whose rules and health are evaluated together (those a batch of events touched, or one the sweep found
 * due), with what the evaluation reads about them. Each kind of data is read for all of them in one query, the first
 * time it is needed, so evaluating five hundred contacts costs about as many queries as evaluating one.
 */
public final class ContactBatch {

    private final List<UUID> ids;
    private final Instant now;
    private final Function<Collection<UUID>, Map<UUID, ContactTasks>> taskLoader;
    private final Map<UUID, ContactProjection> contacts = new LinkedHashMap<>();
    private Map<UUID, Instant> lastTouches;
    private Map<UUID, SurveyHistory> surveys;
    private Map<UUID, ContactTasks> tasks;

    private ContactBatch(List<UUID> ids, Instant now, Function<Collection<UUID>, Map<UUID, ContactTasks>> taskLoader) {
        this.ids = ids;
        this.now = now;
        this.taskLoader = taskLoader;
    }

    /** A batch whose tasks, if asked for, are read afresh. */
    public static ContactBatch of(Collection<UUID> contactIds, Instant now) {
        return of(contactIds, now, ContactTasks::of);
    }

    /**
     * @param now        the moment the rules are evaluated at
     * @param taskLoader the contacts' tasks, as the transaction knows them ({@code TaskService::tasksOf})
     */
    public static ContactBatch of(Collection<UUID> contactIds, Instant now,
            Function<Collection<UUID>, Map<UUID, ContactTasks>> taskLoader) {
        ContactBatch batch = new ContactBatch(List.copyOf(contactIds), now, taskLoader);
        if (!contactIds.isEmpty()) {
            ContactProjection.<ContactProjection>list("id in ?1", batch.ids)
                    .forEach(contact -> batch.contacts.put(contact.id, contact));
        }
        return batch;
    }

    public List<UUID> ids() {
        return ids;
    }

    public Instant now() {
        return now;
    }

    /** The contact's projection; empty for a contact whose contact events have not arrived. */
    public Optional<ContactProjection> contact(UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    /** The contacts of the batch that are projected. */
    public Collection<ContactProjection> contacts() {
        return contacts.values();
    }

    /** The latest touch-point of each contact that had one. */
    public Map<UUID, Instant> lastTouches() {
        if (lastTouches == null) {
            lastTouches = InteractionProjection.lastTouches(ids);
        }
        return lastTouches;
    }

    public Optional<Instant> lastTouch(UUID contactId) {
        return Optional.ofNullable(lastTouches().get(contactId));
    }

    public SurveyHistory surveys(UUID contactId) {
        if (surveys == null) {
            surveys = SurveyHistory.of(ids, now);
        }
        return surveys.get(contactId);
    }

    /** The contact's tasks, kept current as the evaluation raises and closes them. */
    public ContactTasks tasks(UUID contactId) {
        if (tasks == null) {
            tasks = taskLoader.apply(ids);
        }
        return tasks.get(contactId);
    }
}

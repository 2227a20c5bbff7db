package io.rapport.contacts.replica;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.ContactErased;
import io.rapport.events.contract.ContactMerged;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.rest.idempotency.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Applies {@code rapport.contacts.v1} to a service's contact replica, in the inbox's transaction: snapshots in version
 * order, merged and erased for good. A merge or an erasure marks the row first, under a row lock, and flushes: a write
 * that read the contact as active either committed before (and is re-pointed or deleted by the hooks) or waits and
 * then sees it gone. An erasure forgets the stored idempotent responses that name the contact or a contact merged
 * into it (their {@code contactId}), so that a retried create cannot bring the data back. What the service does
 * beyond its replica is its {@link ContactReplicaHooks}.
 */
@ApplicationScoped
public class ContactReplicaApplier {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final PreloadedRows preloaded;
    private final IdempotencyKeys idempotency;

    public ContactReplicaApplier(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            PreloadedRows preloaded, IdempotencyKeys idempotency) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.preloaded = preloaded;
        this.idempotency = idempotency;
    }

    /** Reads the batch's contacts in one query: its events then find them, or that they are new, without one. */
    @Transactional(TxType.MANDATORY)
    public <R extends ContactReplica> void prepare(List<IncomingEvent> events, ContactReplicaHooks<R> hooks) {
        preloaded.load(hooks.replicaType(), EventKeys.contactIds(events));
    }

    /** Applies a contact event; other events on the topic are not the replica's concern. */
    @Transactional(TxType.MANDATORY)
    public <R extends ContactReplica> void apply(IncomingEvent event, ContactReplicaHooks<R> hooks) {
        EventType type = event.type().orElse(null);
        if (type == EventType.CONTACT_CREATED || type == EventType.CONTACT_UPDATED) {
            applySnapshot(event.dataAs(ContactSnapshot.class, objectMapper), event.id(), hooks);
        } else if (type == EventType.CONTACT_MERGED) {
            applyMerge(event.dataAs(ContactMerged.class, objectMapper), event.id(), hooks);
        } else if (type == EventType.CONTACT_ERASED) {
            applyErasure(event.dataAs(ContactErased.class, objectMapper), event.id(), hooks);
        }
    }

    /**
     * Applies a contact's state, from an event or read from contacts-service on a replica miss; an older version than
     * the one applied, or any version of a merged or erased contact, changes nothing.
     *
     * @param eventId the event that brought it; null for a snapshot read from contacts-service
     * @return the replica as it stands
     */
    @Transactional(TxType.MANDATORY)
    public <R extends ContactReplica> R applySnapshot(ContactSnapshot snapshot, String eventId,
            ContactReplicaHooks<R> hooks) {
        if (snapshot.id() == null || snapshot.owner() == null || snapshot.owner().isBlank()) {
            throw new UnprocessableEventException("contact snapshot in "
                    + (eventId == null ? "contacts-service's answer" : "event " + eventId) + " lacks id or owner");
        }
        hooks.lock(snapshot.id());
        R replica = preloaded.find(hooks.replicaType(), snapshot.id());
        String previousOwner = null;
        if (replica == null) {
            replica = hooks.newReplica();
            replica.id = snapshot.id();
        } else if (!replica.active() || snapshot.version() <= replica.snapshotVersion) {
            return replica;
        } else {
            previousOwner = replica.owner;
        }
        replica.snapshotVersion = snapshot.version();
        replica.owner = snapshot.owner();
        replica.updatedAt = clock.instant();
        replica.persist();
        hooks.onSnapshot(replica, snapshot, previousOwner, eventId);
        return replica;
    }

    private <R extends ContactReplica> void applyMerge(ContactMerged merged, String eventId,
            ContactReplicaHooks<R> hooks) {
        if (merged.mergedId() == null || merged.survivorId() == null || merged.mergedId().equals(merged.survivorId())) {
            throw new UnprocessableEventException("contact.merged event " + eventId
                    + " lacks mergedId or survivorId, or names the same contact twice");
        }
        hooks.lock(merged.mergedId(), merged.survivorId());
        R replica = locked(merged.mergedId(), hooks);
        if (replica.erased()) {
            return;
        }
        replica.mergedInto = merged.survivorId();
        entityManager.flush();
        hooks.onMerged(merged.survivorId(), replica, eventId);
    }

    private <R extends ContactReplica> void applyErasure(ContactErased erased, String eventId,
            ContactReplicaHooks<R> hooks) {
        if (erased.id() == null) {
            throw new UnprocessableEventException("contact.erased event " + eventId + " lacks id");
        }
        hooks.lock(erased.id());
        R replica = locked(erased.id(), hooks);
        if (replica.erasedAt == null) {
            replica.erasedAt = erased.erasedAt() == null ? clock.instant() : erased.erasedAt();
        }
        replica.mergedInto = null;
        entityManager.flush();
        List<R> mergedIntoIt = new ArrayList<>();
        for (UUID id : ContactReplica.withMergedInto(hooks.replicaType(), erased.id())) {
            idempotency.forgetResponsesNaming("contactId", id);
            if (!id.equals(erased.id())) {
                mergedIntoIt.add(entityManager.find(hooks.replicaType(), id));
            }
        }
        hooks.onErased(replica, mergedIntoIt, eventId);
    }

    /** The contact's row, locked for update; created without owner or version when no snapshot came before. */
    private <R extends ContactReplica> R locked(UUID id, ContactReplicaHooks<R> hooks) {
        R replica = entityManager.find(hooks.replicaType(), id, LockModeType.PESSIMISTIC_WRITE);
        if (replica == null) {
            replica = hooks.newReplica();
            replica.id = id;
            replica.updatedAt = clock.instant(); // before persist: the insert may be written at once
            replica.persist();
        }
        replica.updatedAt = clock.instant();
        return replica;
    }
}

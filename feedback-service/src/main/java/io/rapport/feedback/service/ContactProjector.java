package io.rapport.feedback.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.EventType;
import io.rapport.events.contract.ContactErased;
import io.rapport.events.contract.ContactMerged;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.feedback.FeedbackContact;
import io.rapport.rest.idempotency.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Applies contact events: snapshots update the projection, a merge re-points the merged contact's surveys and
 * responses to the survivor, an erasure deletes everything held on the contact and leaves only a tombstone.
 */
@ApplicationScoped
public class ContactProjector implements EventHandler {

    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final Clock clock;
    private final PreloadedRows preloaded;
    private final IdempotencyKeys idempotency;

    public ContactProjector(ObjectMapper objectMapper, EntityManager entityManager, Clock clock,
            PreloadedRows preloaded, IdempotencyKeys idempotency) {
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.clock = clock;
        this.preloaded = preloaded;
        this.idempotency = idempotency;
    }

    /** Reads the batch's contacts in one query: the events then find them, or that they are new, without one. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        preloaded.load(FeedbackContact.class, EventKeys.contactIds(events));
    }

    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        EventType type = event.type().orElse(null);
        if (type == EventType.CONTACT_CREATED || type == EventType.CONTACT_UPDATED) {
            applySnapshot(event.dataAs(ContactSnapshot.class, objectMapper), "event " + event.id());
        } else if (type == EventType.CONTACT_MERGED) {
            applyMerge(event.dataAs(ContactMerged.class, objectMapper), event.id());
        } else if (type == EventType.CONTACT_ERASED) {
            applyErasure(event.dataAs(ContactErased.class, objectMapper), event.id());
        }
        // other types on the topic are not this service's concern
    }

    /**
     * Applies a contact's state, from an event or read from contacts-service on a projection miss; an older version
     * than the one projected changes nothing.
     *
     * @param source where the snapshot comes from, for the error message
     */
    @Transactional(TxType.MANDATORY)
    public void applySnapshot(ContactSnapshot snapshot, String source) {
        if (snapshot.id() == null || snapshot.owner() == null || snapshot.firstName() == null) {
            throw new UnprocessableEventException(
                    "contact snapshot in " + source + " lacks id, owner or firstName");
        }
        FeedbackContact contact = preloaded.find(FeedbackContact.class, snapshot.id());
        if (contact != null && (contact.erased || contact.snapshotVersion >= snapshot.version())) {
            return; // older, repeated, or about an erased contact: changes nothing
        }
        if (contact == null) {
            contact = new FeedbackContact();
            contact.id = snapshot.id();
        }
        contact.snapshotVersion = snapshot.version();
        contact.owner = snapshot.owner();
        contact.firstName = snapshot.firstName();
        contact.organisationId = snapshot.organisationId();
        contact.doNotContact = snapshot.doNotContact();
        contact.updatedAt = clock.instant();
        contact.persist();
    }

    private void applyMerge(ContactMerged merged, String eventId) {
        if (merged.mergedId() == null || merged.survivorId() == null || merged.mergedId().equals(merged.survivorId())) {
            throw new UnprocessableEventException("contact.merged event " + eventId
                    + " lacks mergedId or survivorId, or names the same contact twice");
        }
        // marked first, under a row lock: a survey being created for the merged contact right now either commits
        // before (and is re-pointed below) or waits and then sees the merge
        FeedbackContact contact = lockedTombstone(merged.mergedId());
        if (!contact.erased) {
            contact.mergedInto = merged.survivorId();
        }
        entityManager.flush();
        entityManager.createQuery("update SurveyRequest set contactId = ?1 where contactId = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.mergedId()).executeUpdate();
        entityManager.createQuery("update SurveyResponse set contactId = ?1 where contactId = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.mergedId()).executeUpdate();
    }

    private void applyErasure(ContactErased erased, String eventId) {
        if (erased.id() == null) {
            throw new UnprocessableEventException("contact.erased event " + eventId + " lacks id");
        }
        UUID id = erased.id();
        // marked first, under a row lock: a survey being created for the contact right now either commits before
        // (and is deleted below) or waits and then sees the erasure
        FeedbackContact contact = lockedTombstone(id);
        contact.erased = true; // the owner stays: only who could see the contact learns that it existed
        contact.firstName = null;
        contact.organisationId = null;
        contact.mergedInto = null;
        entityManager.flush();
        entityManager.createQuery("delete from SurveyResponse where contactId = ?1").setParameter(1, id)
                .executeUpdate();
        entityManager.createQuery("delete from SurveyRequest where contactId = ?1").setParameter(1, id)
                .executeUpdate();
        // stored first responses of idempotent creates name the contact: they must not bring the data back
        idempotency.forgetResponsesNaming("contactId", id);
        // the contacts merged into it are part of it (only a survivor can be erased): their surveys were re-pointed
        // here and are gone; what the projection and the stored responses hold of them goes too
        for (UUID merged : FeedbackContact.withMergedInto(id)) {
            if (!merged.equals(id)) {
                FeedbackContact mergedContact = FeedbackContact.findById(merged);
                mergedContact.firstName = null;
                mergedContact.organisationId = null;
                idempotency.forgetResponsesNaming("contactId", merged);
            }
        }
    }

    /**
     * The contact's projection, locked for update, created empty (unknown version) when no snapshot arrived
     * before.
     */
    private FeedbackContact lockedTombstone(UUID id) {
        FeedbackContact contact = FeedbackContact.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            contact = new FeedbackContact();
            contact.id = id;
            contact.snapshotVersion = Long.MAX_VALUE; // no later snapshot may revive it
            contact.updatedAt = clock.instant(); // before persist: the insert may be written at once
            contact.persist();
        }
        contact.updatedAt = clock.instant();
        return contact;
    }
}

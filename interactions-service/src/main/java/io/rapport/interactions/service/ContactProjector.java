package io.rapport.interactions.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.events.contract.ContactErased;
import io.rapport.events.contract.ContactMerged;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.interactions.KnownContact;
import io.rapport.rest.idempotency.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps the contact projection from contact events, inside the inbox's transaction: the owner from created and
 * updated snapshots; on merged, the merged contact's interactions and commitments move to the survivor; on erased,
 * the contact's interactions and commitments are deleted, with the stored responses of their creation requests.
 * Merged and erased are final.
 */
@ApplicationScoped
public class ContactProjector implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ContactProjector.class);

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final PreloadedRows preloaded;
    private final IdempotencyKeys idempotency;

    public ContactProjector(EntityManager entityManager, ObjectMapper objectMapper, Clock clock,
            PreloadedRows preloaded, IdempotencyKeys idempotency) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.preloaded = preloaded;
        this.idempotency = idempotency;
    }

    /** Reads the batch's contacts in one query: the events then find them, or that they are new, without one. */
    @Override
    public void prepare(List<IncomingEvent> events) {
        preloaded.load(KnownContact.class, EventKeys.contactIds(events));
    }

    public void apply(IncomingEvent event) {
        if (event.type().isEmpty()) {
            LOG.debugf("Event %s of unknown type %s ignored", event.id(), event.rawType());
            return;
        }
        switch (event.type().get()) {
            case CONTACT_CREATED, CONTACT_UPDATED -> applySnapshot(event.dataAs(ContactSnapshot.class, objectMapper),
                    "event " + event.id());
            case CONTACT_MERGED -> merged(event.dataAs(ContactMerged.class, objectMapper), event);
            case CONTACT_ERASED -> erased(event.dataAs(ContactErased.class, objectMapper), event);
            default -> LOG.debugf("Event %s (%s) is not for this consumer", event.id(), event.rawType());
        }
    }

    /**
     * Applies a contact's state, from an event or read from contacts-service on a projection miss; an older version
     * than the one projected changes nothing.
     *
     * @param source where the snapshot comes from, for the error message
     */
    public void applySnapshot(ContactSnapshot snapshot, String source) {
        if (snapshot.id() == null || snapshot.owner() == null || snapshot.owner().isBlank()) {
            throw new UnprocessableEventException("contact snapshot in " + source + " lacks id or owner");
        }
        KnownContact contact = preloaded.find(KnownContact.class, snapshot.id());
        if (contact == null) {
            contact = new KnownContact();
            contact.id = snapshot.id();
            contact.status = KnownContact.Status.ACTIVE;
            contact.owner = snapshot.owner();
            contact.snapshotVersion = snapshot.version();
            contact.updatedAt = clock.instant();
            contact.persist();
            return;
        }
        if (contact.status != KnownContact.Status.ACTIVE || snapshot.version() < contact.snapshotVersion) {
            return; // merged or erased for good, or an older snapshot arriving late
        }
        contact.snapshotVersion = snapshot.version();
        contact.updatedAt = clock.instant();
        if (!contact.owner.equals(snapshot.owner())) {
            contact.owner = snapshot.owner();
            entityManager.flush();
            reassign(contact.id, contact.owner);
        }
    }

    /** A new owner takes over the relationship: its touch-points and the promises still open. */
    private void reassign(UUID contactId, String owner) {
        entityManager.createQuery("update Interaction set owner = :owner, version = version + 1 "
                + "where contactId = :contact")
                .setParameter("owner", owner).setParameter("contact", contactId).executeUpdate();
        entityManager.createQuery("update Commitment set owner = :owner, version = version + 1 "
                + "where contactId = :contact and status = io.rapport.interactions.CommitmentStatus.OPEN")
                .setParameter("owner", owner).setParameter("contact", contactId).executeUpdate();
    }

    private void merged(ContactMerged merged, IncomingEvent event) {
        if (merged.mergedId() == null || merged.survivorId() == null || merged.mergedId().equals(merged.survivorId())) {
            throw new UnprocessableEventException("contact.merged event " + event.id()
                    + " lacks mergedId or survivorId, or names one contact twice");
        }
        KnownContact survivor = KnownContact.findById(merged.survivorId());
        KnownContact contact = KnownContact.findById(merged.mergedId());
        if (contact == null) {
            contact = new KnownContact();
            contact.id = merged.mergedId();
            contact.owner = survivor == null ? "" : survivor.owner;
            contact.snapshotVersion = 0;
            contact.status = KnownContact.Status.MERGED;
            contact.mergedInto = merged.survivorId();
            contact.updatedAt = clock.instant();
            contact.persist();
        } else if (contact.status == KnownContact.Status.ERASED) {
            return;
        } else {
            contact.status = KnownContact.Status.MERGED;
            contact.mergedInto = merged.survivorId();
            contact.updatedAt = clock.instant();
        }
        entityManager.flush(); // marked before re-pointing, as for an erasure
        String owner = survivor != null ? survivor.owner : contact.owner;
        entityManager.createQuery("update Interaction set contactId = :survivor, owner = :owner, "
                + "version = version + 1 where contactId = :merged")
                .setParameter("survivor", merged.survivorId()).setParameter("owner", owner)
                .setParameter("merged", merged.mergedId()).executeUpdate();
        entityManager.createQuery("update Commitment set contactId = :survivor, "
                + "owner = case when status = io.rapport.interactions.CommitmentStatus.OPEN then :owner else owner end, "
                + "version = version + 1 where contactId = :merged")
                .setParameter("survivor", merged.survivorId()).setParameter("owner", owner)
                .setParameter("merged", merged.mergedId()).executeUpdate();
    }

    private void erased(ContactErased erased, IncomingEvent event) {
        if (erased.id() == null) {
            throw new UnprocessableEventException("contact.erased event " + event.id() + " lacks the contact id");
        }
        // marked first: a create that read the contact as active holds a share lock on its row until it commits,
        // so the purge below, which runs after this update, sees what it wrote
        KnownContact contact = KnownContact.findById(erased.id());
        if (contact == null) {
            contact = new KnownContact();
            contact.id = erased.id();
            contact.owner = "";
            contact.snapshotVersion = 0;
            contact.persist();
        }
        contact.status = KnownContact.Status.ERASED;
        contact.mergedInto = null;
        contact.updatedAt = clock.instant();
        entityManager.flush();
        entityManager.createQuery("delete from Commitment where contactId = :contact")
                .setParameter("contact", erased.id()).executeUpdate();
        entityManager.createNativeQuery("update interaction set in_reply_to = null where contact_id = ?1")
                .setParameter(1, erased.id()).executeUpdate();
        entityManager.createQuery("delete from Interaction where contactId = :contact")
                .setParameter("contact", erased.id()).executeUpdate();
        // stored create responses replayed to retries hold the summary and the rest: forget them too, and those
        // about the contacts merged into it, whose records became its own (only a survivor can be erased)
        for (UUID id : KnownContact.withMergedInto(erased.id())) {
            idempotency.forgetResponsesNaming("contactId", id);
        }
    }
}

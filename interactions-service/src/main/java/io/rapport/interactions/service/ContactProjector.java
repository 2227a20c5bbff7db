package io.rapport.interactions.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rapport.contacts.replica.ContactReplicaApplier;
import io.rapport.contacts.replica.ContactReplicaHooks;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.interactions.KnownContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps the contact replica from contact events through the platform's {@link ContactReplicaApplier}: a new owner
 * takes over the contact's touch-points and open promises; on a merge, the merged contact's interactions and
 * commitments move to the survivor; on an erasure, they are deleted.
 */
@ApplicationScoped
public class ContactProjector implements EventHandler, ContactReplicaHooks<KnownContact> {

    private final ContactReplicaApplier applier;
    private final ContactAddresses addresses;
    private final EntityManager entityManager;

    public ContactProjector(ContactReplicaApplier applier, ContactAddresses addresses, EntityManager entityManager) {
        this.applier = applier;
        this.addresses = addresses;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        applier.prepare(events, this);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        applier.apply(event, this);
    }

    /** Applies a contact's state read from contacts-service on a replica miss, version-ordered like an event. */
    @Transactional(TxType.MANDATORY)
    public KnownContact applyLookedUp(ContactSnapshot snapshot) {
        return applier.applySnapshot(snapshot, null, this);
    }

    @Override
    public Class<KnownContact> replicaType() {
        return KnownContact.class;
    }

    @Override
    public KnownContact newReplica() {
        return new KnownContact();
    }

    @Override
    public void onSnapshot(KnownContact contact, ContactSnapshot snapshot, String previousOwner,
            String eventId) {
        if (previousOwner != null && !previousOwner.equals(contact.owner)) {
            reassign(contact.id, contact.owner);
        }
        addresses.replace(snapshot);
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

    @Override
    public void onMerged(UUID survivorId, KnownContact merged, String eventId) {
        addresses.forget(List.of(merged.id)); // the survivor's next snapshot carries those it kept
        KnownContact survivor = KnownContact.findById(survivorId);
        String owner = survivor != null && survivor.owner != null ? survivor.owner : merged.owner;
        entityManager.createQuery("update Interaction set contactId = :survivor, "
                + "owner = coalesce(:owner, owner), version = version + 1 where contactId = :merged")
                .setParameter("survivor", survivorId).setParameter("owner", owner)
                .setParameter("merged", merged.id).executeUpdate();
        entityManager.createQuery("update Commitment set contactId = :survivor, "
                + "owner = case when status = io.rapport.interactions.CommitmentStatus.OPEN "
                + "then coalesce(:owner, owner) else owner end, version = version + 1 where contactId = :merged")
                .setParameter("survivor", survivorId).setParameter("owner", owner)
                .setParameter("merged", merged.id).executeUpdate();
    }

    @Override
    public void onErased(KnownContact erased, List<KnownContact> mergedIntoIt, String eventId) {
        List<UUID> gone = new ArrayList<>(List.of(erased.id));
        mergedIntoIt.forEach(merged -> gone.add(merged.id));
        addresses.forget(gone);
        // the records of the contacts merged into it were re-pointed here, so these deletes take them too
        entityManager.createQuery("delete from Commitment where contactId = :contact")
                .setParameter("contact", erased.id).executeUpdate();
        entityManager.createNativeQuery("update interaction set in_reply_to = null where contact_id = ?1")
                .setParameter(1, erased.id).executeUpdate();
        entityManager.createQuery("delete from Interaction where contactId = :contact")
                .setParameter("contact", erased.id).executeUpdate();
    }
}

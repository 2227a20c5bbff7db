package io.rapport.feedback.service;

import java.util.List;
import java.util.UUID;

import io.rapport.contacts.replica.ContactReplicaApplier;
import io.rapport.contacts.replica.ContactReplicaHooks;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.feedback.FeedbackContact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps the contact replica from contact events through the platform's {@link ContactReplicaApplier}: a snapshot
 * brings the first name, address, language, organisation and consent a survey needs; a merge re-points the merged contact's surveys and
 * responses to the survivor; an erasure deletes them and keeps nothing but the replica's common columns.
 */
@ApplicationScoped
public class ContactProjector implements EventHandler, ContactReplicaHooks<FeedbackContact> {

    private final ContactReplicaApplier applier;
    private final EntityManager entityManager;

    public ContactProjector(ContactReplicaApplier applier, EntityManager entityManager) {
        this.applier = applier;
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
    public FeedbackContact applyLookedUp(ContactSnapshot snapshot) {
        return applier.applySnapshot(snapshot, null, this);
    }

    @Override
    public Class<FeedbackContact> replicaType() {
        return FeedbackContact.class;
    }

    @Override
    public FeedbackContact newReplica() {
        return new FeedbackContact();
    }

    @Override
    public void onSnapshot(FeedbackContact contact, ContactSnapshot snapshot, String previousOwner,
            String eventId) {
        if (snapshot.firstName() == null) {
            throw new UnprocessableEventException("contact snapshot of " + snapshot.id() + " lacks firstName");
        }
        contact.firstName = snapshot.firstName();
        contact.organisationId = snapshot.organisationId();
        contact.doNotContact = snapshot.doNotContact();
        contact.email = snapshot.primaryEmail();
        contact.language = snapshot.language();
    }

    @Override
    public void onMerged(UUID survivor, FeedbackContact merged, String eventId) {
        entityManager.createQuery("update SurveyRequest set contactId = ?1 where contactId = ?2")
                .setParameter(1, survivor).setParameter(2, merged.id).executeUpdate();
        entityManager.createQuery("update SurveyResponse set contactId = ?1 where contactId = ?2")
                .setParameter(1, survivor).setParameter(2, merged.id).executeUpdate();
    }

    @Override
    public void onErased(FeedbackContact erased, List<FeedbackContact> mergedIntoIt, String eventId) {
        // the surveys of the contacts merged into it were re-pointed here, so these deletes take them too
        entityManager.createQuery("delete from SurveyResponse where contactId = ?1").setParameter(1, erased.id)
                .executeUpdate();
        entityManager.createQuery("delete from SurveyRequest where contactId = ?1").setParameter(1, erased.id)
                .executeUpdate();
        forgetPersonalData(erased);
        mergedIntoIt.forEach(ContactProjector::forgetPersonalData);
    }

    private static void forgetPersonalData(FeedbackContact contact) {
        contact.firstName = null;
        contact.organisationId = null;
        contact.email = null;
        contact.language = null;
    }
}

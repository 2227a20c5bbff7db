package io.rapport.scheduler.projector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rapport.contacts.replica.ContactReplicaApplier;
import io.rapport.contacts.replica.ContactReplicaHooks;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.events.inbox.EventHandler;
import io.rapport.events.inbox.EventKeys;
import io.rapport.events.inbox.IncomingEvent;
import io.rapport.events.inbox.PreloadedRows;
import io.rapport.events.inbox.UnprocessableEventException;
import io.rapport.scheduler.projection.CommitmentProjection;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.FeedbackProjection;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.rules.MergedFollowUps;
import io.rapport.scheduler.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Keeps the contact projection current from contact events through the platform's {@link ContactReplicaApplier}
 * and re-evaluates the contact's rules: a snapshot brings what the rules read; a merge moves the merged contact's
 * history and follow-ups to the survivor; an erasure leaves nothing personal. Each contact's work holds its lock
 * ({@link ContactLock}).
 */
@ApplicationScoped
public class ContactProjector implements EventHandler, ContactReplicaHooks<ContactProjection> {

    private final ContactReplicaApplier applier;
    private final RuleEvaluator rules;
    private final Clock clock;
    private final ContactLock contactLock;
    private final ContactReevaluation reevaluation;
    private final PreloadedRows preloaded;
    private final SurvivingContact survivingContact;
    private final MergedFollowUps followUps;

    public ContactProjector(ContactReplicaApplier applier, RuleEvaluator rules, Clock clock, ContactLock contactLock,
            ContactReevaluation reevaluation, PreloadedRows preloaded, SurvivingContact survivingContact,
            MergedFollowUps followUps) {
        this.applier = applier;
        this.rules = rules;
        this.clock = clock;
        this.contactLock = contactLock;
        this.reevaluation = reevaluation;
        this.preloaded = preloaded;
        this.survivingContact = survivingContact;
        this.followUps = followUps;
    }

    /**
     * Locks the batch's contacts up front, in order (see {@link ContactLock#lockAll}), and reads their projections
     * and tasks in a few queries: the events then find them in the persistence context.
     */
    @Override
    @Transactional(TxType.MANDATORY)
    public void prepare(List<IncomingEvent> events) {
        reevaluation.prepare(EventKeys.contactIds(events));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        applier.apply(event, this);
    }

    /** The rules and health of the contacts the events changed, evaluated together. */
    @Override
    @Transactional(TxType.MANDATORY)
    public void finish() {
        reevaluation.evaluateTouched();
    }

    /**
     * A contact read from contacts-service because its event has not arrived yet (a rep adds a task for a contact
     * created a moment ago), applied as its event will be, which then changes nothing. Takes the contact's lock.
     */
    @Transactional(TxType.MANDATORY)
    public void applyLookedUp(ContactSnapshot snapshot) {
        applier.applySnapshot(snapshot, null, this);
        reevaluation.evaluateTouched();
    }

    @Override
    public Class<ContactProjection> replicaType() {
        return ContactProjection.class;
    }

    @Override
    public ContactProjection newReplica() {
        return new ContactProjection();
    }

    @Override
    public void lock(UUID... contactIds) {
        contactLock.lockAll(List.of(contactIds));
    }

    @Override
    public void onSnapshot(ContactProjection contact, ContactSnapshot snapshot, String previousOwner,
            String eventId) {
        if (snapshot.displayName() == null || snapshot.createdAt() == null || snapshot.checkInCadenceDays() < 1) {
            throw new UnprocessableEventException("contact snapshot of " + snapshot.id()
                    + " lacks displayName, createdAt or a positive checkInCadenceDays");
        }
        if (contact.contactCreatedAt == null) {
            contact.contactCreatedAt = snapshot.createdAt();
        }
        contact.displayName = snapshot.displayName();
        contact.checkInCadenceDays = snapshot.checkInCadenceDays();
        contact.checkInMaxIntervalDays = snapshot.checkInMaxIntervalDays();
        contact.timezone = snapshot.timezone();
        contact.lifecycleStage = snapshot.lifecycleStage();
        contact.doNotContact = snapshot.doNotContact();
        contact.preferredChannel = snapshot.preferredChannel();
        contact.marketingOptIn = snapshot.marketingOptIn();
        contact.importantDates = snapshot.importantDates() == null ? new ArrayList<>()
                : new ArrayList<>(snapshot.importantDates());
        if (!contact.owner.equals(previousOwner)) {
            // a new projection too: a merge may have given the contact tasks before its own snapshot arrived
            rules.reassignOpenTasks(contact);
        }
        reevaluation.touched(contact.id, eventId);
    }

    /**
     * The merged contact's history (touch-points, commitments, surveys) becomes the survivor's, and so do the
     * follow-ups it still calls for; the merged contact's own tasks close. The survivor is the last of a chain of
     * merges when the survivor was itself merged since.
     */
    @Override
    public void onMerged(UUID survivor, ContactProjection merged, String eventId) {
        UUID survivorId = survivingContact.of(survivor);
        if (survivorId.equals(merged.id)) {
            throw new UnprocessableEventException("contact.merged event " + eventId + " merges contact "
                    + merged.id + " into a contact that was merged into it");
        }
        merged.mergedInto = survivorId;
        merged.sweepAt = null;
        InteractionProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.id);
        CommitmentProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.id);
        FeedbackProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.id);
        followUps.merged(merged.id, survivorId, preloaded.find(ContactProjection.class, survivorId), eventId);
        reevaluation.touched(merged.id, eventId); // its score goes
        reevaluation.touched(survivorId, eventId); // its check-in, dates and score, over both histories
    }

    /**
     * Nothing personal stays, of the contact or of those merged into it (only a survivor can be erased): the names
     * go, every task's text goes and the open ones close, and no task is raised again.
     */
    @Override
    public void onErased(ContactProjection erased, List<ContactProjection> mergedIntoIt, String eventId) {
        forget(erased, eventId);
        mergedIntoIt.forEach(merged -> forget(merged, eventId));
        reevaluation.touched(erased.id, eventId); // its score goes
    }

    private void forget(ContactProjection contact, String eventId) {
        contact.displayName = null;
        contact.timezone = null;
        contact.importantDates = new ArrayList<>();
        contact.preferredChannel = null;
        contact.sweepAt = null;
        contact.updatedAt = clock.instant();
        InteractionProjection.delete("contactId", contact.id);
        CommitmentProjection.delete("contactId", contact.id);
        FeedbackProjection.delete("contactId", contact.id);
        rules.erase(contact.id, eventId);
    }
}

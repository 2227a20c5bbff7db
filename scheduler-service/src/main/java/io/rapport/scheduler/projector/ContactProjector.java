package io.rapport.scheduler.projector;

import java.time.Clock;
import java.util.ArrayList;
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
import io.rapport.rest.idempotency.IdempotencyKeys;
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

/** Keeps the contact projection current from contact events and re-evaluates the contact's rules. */
@ApplicationScoped
public class ContactProjector implements EventHandler {

    private final ObjectMapper objectMapper;
    private final RuleEvaluator rules;
    private final Clock clock;
    private final ContactLock contactLock;
    private final ContactReevaluation reevaluation;
    private final PreloadedRows preloaded;
    private final SurvivingContact survivingContact;
    private final MergedFollowUps followUps;
    private final IdempotencyKeys idempotency;

    public ContactProjector(ObjectMapper objectMapper, RuleEvaluator rules, Clock clock, ContactLock contactLock,
            ContactReevaluation reevaluation, PreloadedRows preloaded, SurvivingContact survivingContact,
            MergedFollowUps followUps, IdempotencyKeys idempotency) {
        this.objectMapper = objectMapper;
        this.rules = rules;
        this.clock = clock;
        this.contactLock = contactLock;
        this.reevaluation = reevaluation;
        this.preloaded = preloaded;
        this.survivingContact = survivingContact;
        this.followUps = followUps;
        this.idempotency = idempotency;
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
        applyEvent(event);
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
        applySnapshot(snapshot, null);
        reevaluation.evaluateTouched();
    }

    private void applyEvent(IncomingEvent event) {
        EventType type = event.type().orElse(null);
        if (type == EventType.CONTACT_CREATED || type == EventType.CONTACT_UPDATED) {
            applySnapshot(event.dataAs(ContactSnapshot.class, objectMapper), event.id());
        } else if (type == EventType.CONTACT_ERASED) {
            erase(event.dataAs(ContactErased.class, objectMapper), event.id());
        } else if (type == EventType.CONTACT_MERGED) {
            merge(event.dataAs(ContactMerged.class, objectMapper), event.id());
        }
    }

    private void applySnapshot(ContactSnapshot snapshot, String eventId) {
        requireComplete(snapshot, eventId);
        contactLock.lock(snapshot.id());
        ContactProjection contact = preloaded.find(ContactProjection.class, snapshot.id());
        if (contact != null && (contact.snapshotVersion >= snapshot.version() || contact.erasedAt != null)) {
            return; // an older or repeated snapshot arriving late, or an erased contact, changes nothing
        }
        String previousOwner = contact == null ? null : contact.owner;
        if (contact == null) {
            contact = new ContactProjection();
            contact.contactId = snapshot.id();
            contact.contactCreatedAt = snapshot.createdAt();
        }
        contact.snapshotVersion = snapshot.version();
        contact.owner = snapshot.owner();
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
        contact.updatedAt = clock.instant();
        contact.persist();
        if (!contact.owner.equals(previousOwner)) {
            // a new projection too: a merge may have given the contact tasks before its own snapshot arrived
            rules.reassignOpenTasks(contact);
        }
        reevaluation.touched(contact.contactId, eventId);
    }

    /**
     * Nothing personal stays: the name goes, every task's text goes and the open ones close, and no task is raised
     * again.
     */
    private void erase(ContactErased erased, String eventId) {
        contactLock.lock(erased.id());
        ContactProjection contact = ContactProjection.findById(erased.id());
        if (contact != null) {
            contact.erasedAt = erased.erasedAt();
        }
        // the contacts merged into it are part of it (only a survivor can be erased): nothing of theirs stays
        // either
        for (UUID id : ContactProjection.withMergedInto(erased.id())) {
            forget(id, eventId);
        }
        reevaluation.touched(erased.id(), eventId); // its score goes
    }

    private void forget(UUID contactId, String eventId) {
        ContactProjection contact = ContactProjection.findById(contactId);
        if (contact != null) {
            contact.displayName = "";
            contact.timezone = null;
            contact.importantDates = new ArrayList<>();
            contact.preferredChannel = null;
            contact.sweepAt = null;
            contact.updatedAt = clock.instant();
        }
        InteractionProjection.delete("contactId", contactId);
        CommitmentProjection.delete("contactId", contactId);
        FeedbackProjection.delete("contactId", contactId);
        rules.erase(contactId, eventId);
        idempotency.forgetResponsesNaming("contactId", contactId); // a task added by hand, replayed to a retry
    }

    /**
     * The merged contact's history (touch-points, commitments, surveys) becomes the survivor's, and so do the
     * follow-ups it still calls for; the merged contact's own tasks close. The survivor is the last of a chain of
     * merges when the survivor was itself merged since.
     */
    private void merge(ContactMerged merged, String eventId) {
        if (merged.mergedId() == null || merged.survivorId() == null || merged.mergedId().equals(merged.survivorId())) {
            throw new UnprocessableEventException("contact.merged event " + eventId
                    + " lacks mergedId or survivorId, or names one contact twice");
        }
        contactLock.lock(merged.mergedId(), merged.survivorId());
        UUID survivorId = survivingContact.of(merged.survivorId());
        if (survivorId.equals(merged.mergedId())) {
            throw new UnprocessableEventException("contact.merged event " + eventId + " merges contact "
                    + merged.mergedId() + " into a contact that was merged into it");
        }
        ContactProjection contact = preloaded.find(ContactProjection.class, merged.mergedId());
        if (contact != null) {
            contact.mergedInto = survivorId;
            contact.sweepAt = null;
            contact.updatedAt = clock.instant();
        }
        InteractionProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.mergedId());
        CommitmentProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.mergedId());
        FeedbackProjection.update("contactId = ?1 where contactId = ?2", survivorId, merged.mergedId());
        followUps.merged(merged.mergedId(), survivorId, preloaded.find(ContactProjection.class, survivorId),
                eventId);
        reevaluation.touched(merged.mergedId(), eventId); // its score goes
        reevaluation.touched(survivorId, eventId); // its check-in, dates and score, over both histories
    }

    private static void requireComplete(ContactSnapshot snapshot, String eventId) {
        if (snapshot.id() == null || snapshot.owner() == null || snapshot.displayName() == null
                || snapshot.createdAt() == null || snapshot.checkInCadenceDays() < 1) {
            throw new UnprocessableEventException("contact snapshot in event " + eventId
                    + " lacks id, owner, displayName, createdAt or a positive checkInCadenceDays");
        }
    }
}

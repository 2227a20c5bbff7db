package io.rapport.feedback.service;

import java.util.UUID;

import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.contacts.replica.ReplicaChecks;
import io.rapport.feedback.FeedbackContact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

/**
 * The contacts this service knows from contact events, as the API may use them. A contact the projection does not
 * know yet (its event is on its way) is read from contacts-service with the caller's token.
 */
@ApplicationScoped
public class ContactDirectory {

    private final ContactLookup lookup;
    private final ContactProjector projector;

    public ContactDirectory(ContactLookup lookup, ContactProjector projector) {
        this.lookup = lookup;
        this.projector = projector;
    }

    /**
     * Before the transaction that creates a survey for the contact, outside it: a contact the replica does not know
     * yet is read from contacts-service (and projected in a transaction of its own), and so is what the caller may
     * learn of one merged or erased before its snapshot arrived, so that no database connection or row lock waits
     * for contacts-service's answer. 409 when it was erased or merged; 503 when contacts-service cannot answer.
     */
    public void projectForRecord(UUID id) {
        ReplicaChecks.askContactsService(lookup, id, FeedbackContact.findById(id), projector::applyLookedUp,
                Use.RECORD);
    }

    /**
     * The contact a new survey asks, if the caller may ask it: unknown (or another rep's) is 422 (call
     * {@link #projectForRecord} first, for a contact whose event is still on its way), merged or erased 409 (merged
     * naming the survivor), do-not-contact 409. Call it in the transaction that creates the survey.
     */
    public FeedbackContact surveyable(UUID id, Caller caller) {
        // locked until the survey commits: an erasure or merge of the contact applied meanwhile waits for it, and
        // then purges or re-points the new survey too (or the survey waits, and sees the contact erased or merged);
        // and a second survey to the contact waits, then finds this one pending (survey fatigue)
        FeedbackContact contact = FeedbackContact.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null || contact.owner == null || !caller.canRead(contact.owner)) {
            throw ContactProblems.unknown(id);
        }
        ReplicaChecks.refuseIfGone(contact, Use.RECORD);
        if (contact.doNotContact) {
            throw Problems.conflict("Contact " + id + " is marked do-not-contact: no survey may be sent");
        }
        return contact;
    }

    /** The contact whose history the caller wants: 404 when unknown or not theirs, 410 when erased. */
    public FeedbackContact readable(UUID id, Caller caller) {
        ReplicaChecks.askContactsService(lookup, id, FeedbackContact.findById(id), projector::applyLookedUp, Use.READ);
        FeedbackContact contact = FeedbackContact.findById(id);
        if (contact == null || contact.owner == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + id);
        }
        ReplicaChecks.refuseIfGone(contact, Use.READ);
        return contact;
    }
}

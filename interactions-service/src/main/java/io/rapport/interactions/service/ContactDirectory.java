package io.rapport.interactions.service;

import java.util.UUID;

import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.contacts.replica.ReplicaChecks;
import io.rapport.interactions.KnownContact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Answers from the contact projection: may the caller record or read something about this contact? A contact the
 * projection does not know yet (its event is on its way) is read from contacts-service with the caller's token.
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
     * Before the transaction that records an interaction or a commitment for the contact, outside it: a contact the
     * replica does not know yet is read from contacts-service (and projected in a transaction of its own), so that no
     * database connection waits for contacts-service's answer; and so is what the caller may learn of a contact
     * merged or erased before any snapshot of it arrived (its row does not say whose it was). 409 when it was erased
     * or merged; 503 when contacts-service cannot answer.
     */
    public void projectForRecord(UUID contactId) {
        ReplicaChecks.askContactsService(lookup, contactId, KnownContact.findById(contactId),
                projector::applyLookedUp, Use.RECORD);
    }

    /**
     * The contact a new interaction or commitment is recorded for: 422 when unknown or another rep's (call
     * {@link #projectForRecord} first, for a contact whose event is still on its way), 409 when erased or merged (the
     * latter naming the survivor in {@code mergedInto}), 403 when the caller may read but not change the contact's
     * records (an integrator). Call it inside the transaction that records the new interaction or commitment.
     */
    public KnownContact forWrite(UUID contactId, Caller caller) {
        // a share lock until the caller's transaction ends: an erasure, merge or new owner arriving meanwhile waits
        // for the new record and then covers it
        KnownContact contact = KnownContact.findById(contactId, LockModeType.PESSIMISTIC_READ);
        // another rep's contact is as unknown as a missing one (contacts-service does not show it either), so the
        // answer does not depend on whether its event has arrived yet
        if (contact == null || !caller.canRead(contact.owner)) {
            throw ContactProblems.unknown(contactId);
        }
        ReplicaChecks.refuseIfGone(contact, Use.RECORD);
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("You may only record touch-points and commitments for contacts you own");
        }
        return contact;
    }

    /** The contact whose records the caller reads: 404 when unknown or not theirs, 410 when erased. */
    public KnownContact forRead(UUID contactId, Caller caller) {
        KnownContact contact = KnownContact.findById(contactId);
        if (contact == null) {
            ReplicaChecks.askContactsService(lookup, contactId, null, projector::applyLookedUp, Use.READ);
            contact = KnownContact.findById(contactId);
        }
        if (contact == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + contactId);
        }
        ReplicaChecks.refuseIfGone(contact, Use.READ);
        return contact;
    }

}

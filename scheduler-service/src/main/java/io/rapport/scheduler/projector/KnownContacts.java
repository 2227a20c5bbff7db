package io.rapport.scheduler.projector;

import java.util.UUID;

import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.contacts.replica.ReplicaChecks;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * The contacts the API may use, as the projection knows them. A contact it does not know yet (its event is on its
 * way) is read from contacts-service with the caller's token and projected first, so that a client who created it a
 * moment ago is not told that it does not exist.
 */
@ApplicationScoped
public class KnownContacts {

    private final ContactLock contactLock;
    private final ContactLookup lookup;
    private final ContactProjector projector;

    public KnownContacts(ContactLock contactLock, ContactLookup lookup, ContactProjector projector) {
        this.contactLock = contactLock;
        this.lookup = lookup;
        this.projector = projector;
    }

    /**
     * Makes sure the projection knows the contact before a task is recorded for it: one it does not know yet is read
     * from contacts-service and projected, in a transaction of its own that takes the contact's lock (409 when
     * contacts-service says it was erased or merged). Call it before the recording transaction begins: it waits for
     * contacts-service, and must neither hold a connection nor the contact's lock meanwhile.
     */
    public void projectForRecord(UUID contactId) {
        projectIfUnknown(contactId, Use.RECORD);
    }

    /**
     * The contact a new task is recorded for, locked against the consumers until the caller's transaction ends: 422
     * when unknown to the caller (call {@link #projectForRecord} first), 409 when erased or merged (naming the
     * survivor), 403 for a read-only caller.
     */
    @Transactional(TxType.MANDATORY)
    public ContactProjection forRecord(UUID contactId, Caller caller) {
        contactLock.lock(contactId);
        ContactProjection contact = ContactProjection.findById(contactId);
        // another rep's contact is as unknown as a missing one, as contacts-service answers it
        if (contact == null || !caller.canRead(contact.owner)) {
            throw ContactProblems.unknown(contactId);
        }
        ReplicaChecks.refuseIfGone(contact, Use.RECORD);
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("You may only add follow-ups for contacts you own");
        }
        return contact;
    }

    /**
     * The contact whose data the caller reads: 404 when unknown or not theirs, or merged (naming the survivor), 410
     * when erased.
     */
    public ContactProjection forRead(UUID contactId, Caller caller) {
        projectIfUnknown(contactId, Use.READ);
        ContactProjection contact = ContactProjection.findById(contactId);
        if (contact == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + contactId);
        }
        ReplicaChecks.refuseIfGone(contact, Use.READ);
        return contact;
    }

    private void projectIfUnknown(UUID contactId, Use use) {
        ReplicaChecks.askContactsService(lookup, contactId, ContactProjection.findById(contactId),
                projector::applyLookedUp, use);
    }
}

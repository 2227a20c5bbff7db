package io.rapport.interactions.service;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.interactions.KnownContact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

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
     * The contact a new interaction or commitment is recorded for: 422 when unknown or another rep's, 409 when erased
     * or merged (the latter naming the survivor in {@code mergedInto}), 403 when the caller may read but not change
     * the contact's records (an integrator).
     * Call it inside the transaction that records the new interaction or commitment.
     */
    public KnownContact forWrite(UUID contactId, Caller caller) {
        // a share lock until the caller's transaction ends: an erasure, merge or new owner arriving meanwhile waits
        // for the new record and then covers it
        KnownContact contact = KnownContact.findById(contactId, LockModeType.PESSIMISTIC_READ);
        if (contact == null) {
            answerFromContactsService(contactId, Response.Status.CONFLICT);
            contact = KnownContact.findById(contactId, LockModeType.PESSIMISTIC_READ);
        }
        // another rep's contact is as unknown as a missing one (contacts-service does not show it either), so the
        // answer does not depend on whether its event has arrived yet
        if (contact == null || !caller.canRead(contact.owner)) {
            throw HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                    .withDetail("Unknown contact " + contactId)
                    .with("field", "contactId").build();
        }
        checkStillThere(contact, Response.Status.CONFLICT);
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("You may only record touch-points and commitments for contacts you own");
        }
        return contact;
    }

    /** The contact whose records the caller reads: 404 when unknown or not theirs, 410 when erased. */
    public KnownContact forRead(UUID contactId, Caller caller) {
        KnownContact contact = KnownContact.findById(contactId);
        if (contact == null) {
            answerFromContactsService(contactId, Response.Status.NOT_FOUND);
            contact = KnownContact.findById(contactId);
        }
        if (contact == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + contactId);
        }
        if (contact.status == KnownContact.Status.ERASED) {
            throw HttpProblem.builder().withStatus(Response.Status.GONE).withTitle("Gone")
                    .withDetail("Contact " + contactId + " was erased").build();
        }
        if (contact.status == KnownContact.Status.MERGED) {
            throw HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                    .withDetail("Contact " + contactId + " was merged into " + contact.mergedInto)
                    .with("mergedInto", contact.mergedInto.toString()).build();
        }
        return contact;
    }

    /**
     * A contact the projection does not know: contacts-service says whether it exists for the caller (then it is
     * projected, and the caller reads the projection again), or was erased (410) or merged (the {@code merged}
     * status, naming the survivor); 503 when it cannot say.
     */
    private void answerFromContactsService(UUID contactId, Response.Status merged) {
        ContactLookup.Answer answer = lookup.findAndProject(contactId,
                snapshot -> projector.applySnapshot(snapshot, "contacts-service's answer"));
        if (answer instanceof ContactLookup.Erased) {
            throw HttpProblem.builder().withStatus(merged == Response.Status.CONFLICT ? merged : Response.Status.GONE)
                    .withTitle(merged == Response.Status.CONFLICT ? "Conflict" : "Gone")
                    .withDetail("Contact " + contactId + " was erased").build();
        }
        if (answer instanceof ContactLookup.Merged m) {
            throw HttpProblem.builder().withStatus(merged).withTitle(merged.getReasonPhrase())
                    .withDetail("Contact " + contactId + " was merged into " + m.survivor())
                    .with("mergedInto", m.survivor().toString()).build();
        }
    }

    private static void checkStillThere(KnownContact contact, Response.Status status) {
        if (contact.status == KnownContact.Status.ERASED) {
            throw HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase())
                    .withDetail("Contact " + contact.id + " was erased").build();
        }
        if (contact.status == KnownContact.Status.MERGED) {
            throw HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase())
                    .withDetail("Contact " + contact.id + " was merged into " + contact.mergedInto
                            + "; record it for that contact")
                    .with("mergedInto", contact.mergedInto.toString()).build();
        }
    }
}

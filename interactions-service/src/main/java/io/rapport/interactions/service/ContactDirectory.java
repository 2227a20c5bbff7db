package io.rapport.interactions.service;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.interactions.KnownContact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/** Answers from the contact projection: may the caller record or read something about this contact? */
@ApplicationScoped
public class ContactDirectory {

    /**
     * The contact a new interaction or commitment is recorded for: 422 when unknown, 409 when erased or merged (the
     * latter naming the survivor in {@code mergedInto}), 403 when the caller may not change the contact's records.
     * Call it inside the transaction that records the new interaction or commitment.
     */
    public KnownContact forWrite(UUID contactId, Caller caller) {
        // a share lock until the caller's transaction ends: an erasure, merge or new owner arriving meanwhile waits
        // for the new record and then covers it
        KnownContact contact = KnownContact.findById(contactId, LockModeType.PESSIMISTIC_READ);
        if (contact == null) {
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

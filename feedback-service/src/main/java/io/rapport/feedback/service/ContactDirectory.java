package io.rapport.feedback.service;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.feedback.FeedbackContact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

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
     * The contact a new survey asks, if the caller may ask it: unknown (or another rep's), merged or erased is
     * 422, do-not-contact is 409. Call it in the transaction that creates the survey.
     */
    public FeedbackContact surveyable(UUID id, Caller caller) {
        // locked until the survey commits: an erasure or merge of the contact applied meanwhile waits for it, and
        // then purges or re-points the new survey too (or the survey waits, and sees the contact erased or merged);
        // and a second survey to the contact waits, then finds this one pending (survey fatigue)
        FeedbackContact contact = FeedbackContact.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (contact == null) {
            ContactLookup.Answer answer = lookUp(id);
            if (answer instanceof ContactLookup.Erased) {
                throw Problems.unprocessable("contactId", "contact " + id + " was erased");
            }
            if (answer instanceof ContactLookup.Merged merged) {
                throw Problems.unprocessable("contactId", "contact " + id + " was merged into " + merged.survivor(),
                        "mergedInto", merged.survivor().toString());
            }
            contact = FeedbackContact.findById(id, LockModeType.PESSIMISTIC_WRITE);
        }
        if (contact != null && contact.erased && caller.canRead(contact.owner)) {
            throw Problems.unprocessable("contactId", "contact " + id + " was erased");
        }
        if (contact != null && contact.mergedInto != null) {
            throw Problems.unprocessable("contactId", "contact " + id + " was merged into " + contact.mergedInto,
                    "mergedInto", contact.mergedInto.toString());
        }
        if (contact == null || contact.erased || contact.owner == null || !caller.canRead(contact.owner)) {
            throw Problems.unprocessable("contactId", "no contact " + id + " is known to the feedback service");
        }
        if (contact.doNotContact) {
            throw Problems.conflict("Contact " + id + " is marked do-not-contact: no survey may be sent");
        }
        return contact;
    }

    /** The contact whose history the caller wants: 404 when unknown or not theirs, 410 when erased. */
    public FeedbackContact readable(UUID id, Caller caller) {
        FeedbackContact contact = FeedbackContact.findById(id);
        if (contact == null) {
            ContactLookup.Answer answer = lookUp(id);
            if (answer instanceof ContactLookup.Erased) {
                throw Problems.gone("Contact " + id + " was erased");
            }
            if (answer instanceof ContactLookup.Merged merged) {
                throw HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                        .withDetail("Contact " + id + " was merged into " + merged.survivor())
                        .with("mergedInto", merged.survivor().toString()).build();
            }
            contact = FeedbackContact.findById(id);
        }
        if (contact != null && contact.erased && caller.canRead(contact.owner)) {
            throw Problems.gone("Contact " + id + " was erased");
        }
        if (contact != null && contact.mergedInto != null) {
            throw HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found")
                    .withDetail("Contact " + id + " was merged into " + contact.mergedInto)
                    .with("mergedInto", contact.mergedInto.toString()).build();
        }
        if (contact == null || contact.erased || contact.owner == null || !caller.canRead(contact.owner)) {
            throw new NotFoundException("No contact " + id);
        }
        return contact;
    }

    /** A contact the projection does not know: contacts-service says what it is for the caller (503 if it cannot). */
    private ContactLookup.Answer lookUp(UUID id) {
        return lookup.findAndProject(id, snapshot -> projector.applySnapshot(snapshot, "contacts-service's answer"));
    }
}

package io.rapport.contacts.lookup;

import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.rest.ProblemMember;
import io.rapport.rest.input.InvalidInput;
import jakarta.ws.rs.core.Response.Status;

/**
 * What every service answers about a contact that is not there for the caller, so that the four read alike. Reading
 * a merged contact is 404 naming the survivor in {@code mergedInto}, which a client follows; an erased one is 410.
 * Recording something new for a merged or erased contact is 409, because the contact's state is in the way, not the
 * request (a merged one names the survivor to record it for). A contact the caller cannot see, or that does not
 * exist, is 422 on {@code contactId}: the body names something unusable. Another rep's erased or merged contact is
 * answered as unknown, so nobody learns it existed.
 */
public final class ContactProblems {

    /** Whether the caller reads what is held on the contact or records something new for it. */
    public enum Use {
        READ, RECORD
    }

    private ContactProblems() {
    }

    public static HttpProblem erased(UUID id, Use use) {
        Status status = use == Use.READ ? Status.GONE : Status.CONFLICT;
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase())
                .withDetail("Contact " + id + " was erased").build();
    }

    public static HttpProblem merged(UUID id, UUID survivor, Use use) {
        Status status = use == Use.READ ? Status.NOT_FOUND : Status.CONFLICT;
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase())
                .withDetail("Contact " + id + " was merged into " + survivor
                        + (use == Use.RECORD ? "; record it for that contact" : ""))
                .with(ProblemMember.MERGED_INTO.member(), survivor.toString()).build();
    }

    /** A contact named in a request body that does not exist for the caller. */
    public static HttpProblem unknown(UUID id) {
        return InvalidInput.unprocessable("contactId", "Unknown contact " + id);
    }

    /**
     * Throws the answer for a contact contacts-service says was erased or merged ({@link ContactLookup#find}); any
     * other answer passes.
     */
    public static void refuseIfGone(UUID id, ContactLookup.Answer answer, Use use) {
        if (answer instanceof ContactLookup.Erased) {
            throw erased(id, use);
        }
        if (answer instanceof ContactLookup.Merged merged) {
            throw merged(id, merged.survivor(), use);
        }
    }
}

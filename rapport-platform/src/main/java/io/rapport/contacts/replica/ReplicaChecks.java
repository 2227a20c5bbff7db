package io.rapport.contacts.replica;

import java.util.UUID;
import java.util.function.Consumer;

import io.rapport.contacts.lookup.ContactLookup;
import io.rapport.contacts.lookup.ContactProblems;
import io.rapport.contacts.lookup.ContactProblems.Use;
import io.rapport.events.contract.ContactSnapshot;

/** What every service answers when a request names a contact its replica holds gone, or cannot answer for alone. */
public final class ReplicaChecks {

    private ReplicaChecks() {
    }

    /**
     * A contact the replica cannot answer for alone is asked of contacts-service with the caller's token: one it does
     * not hold (its event is on its way) is projected when it exists for the caller; one it holds without knowing whose
     * it is (merged or erased before any snapshot arrived) is asked about without projecting. What contacts-service
     * says is gone is refused ({@link ContactProblems#refuseIfGone}); 503 when it cannot answer. It may wait for
     * contacts-service: call it before a write's transaction, not in it.
     *
     * @param replica the replica's row of the contact, null when it holds none
     * @param project applies a snapshot read from contacts-service to the replica
     */
    public static void askContactsService(ContactLookup lookup, UUID contactId, ContactReplica replica,
            Consumer<ContactSnapshot> project, Use use) {
        if (replica == null) {
            ContactProblems.refuseIfGone(contactId, lookup.findAndProject(contactId, project), use);
        } else if (replica.owner == null && !replica.active()) {
            ContactProblems.refuseIfGone(contactId, lookup.find(contactId), use);
        }
    }

    /** An erased contact is 410 to read, 409 to record; a merged one 404 or 409 naming the survivor. */
    public static void refuseIfGone(ContactReplica replica, Use use) {
        if (replica.erased()) {
            throw ContactProblems.erased(replica.id, use);
        }
        if (replica.merged()) {
            throw ContactProblems.merged(replica.id, replica.mergedInto, use);
        }
    }
}

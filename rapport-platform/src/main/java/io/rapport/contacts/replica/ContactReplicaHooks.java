package io.rapport.contacts.replica;

import java.util.List;
import java.util.UUID;

import io.rapport.events.contract.ContactSnapshot;

/**
 * What one service does when its contact replica changes: {@link ContactReplicaApplier} has already checked the
 * event, locked and updated the replica row, and calls these in the same transaction.
 *
 * @param <R> the service's replica row
 */
public interface ContactReplicaHooks<R extends ContactReplica> {

    Class<R> replicaType();

    /** A new, empty row: the applier sets the common columns. */
    R newReplica();

    /**
     * Takes whatever locks the service serialises its work on the contacts by, before the applier reads or changes
     * their rows (the applier itself locks a merged or erased contact's row for update).
     */
    default void lock(UUID... contactIds) {
    }

    /**
     * Keeps what the service needs of a newer snapshot of an active contact (the applier has set the version, owner
     * and time, and persisted the row); may refuse a snapshot that lacks what the service needs with an
     * {@link io.rapport.events.inbox.UnprocessableEventException}.
     *
     * @param previousOwner the owner before, null for a contact new to the replica: a different one is a hand-over
     * @param eventId       the event that brought the snapshot; null for one read from contacts-service
     */
    void onSnapshot(R replica, ContactSnapshot snapshot, String previousOwner, String eventId);

    /** Moves what the service holds on the merged contact (already marked, and flushed) to the survivor. */
    void onMerged(UUID survivor, R merged, String eventId);

    /**
     * Deletes everything personal the service holds on the erased contact (already marked, and flushed) and on the
     * contacts merged into it, whose data became its own; wipes what the replica rows keep beyond the common columns.
     * The stored idempotent responses naming them are forgotten already.
     *
     * @param mergedIntoIt the replicas of the contacts merged into it, directly or through a chain of merges
     */
    void onErased(R erased, List<R> mergedIntoIt, String eventId);
}

package io.rapport.contacts.replica;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A contact as a service other than contacts-service knows it from {@code rapport.contacts.v1}: what every service's
 * replica row holds, whatever else it keeps. Merged and erased are final: no later snapshot changes such a contact.
 * An erased contact keeps its id and owner only, so that who could see it learns it is gone and nobody else learns
 * it existed; a contact merged or erased before any snapshot arrived has no owner.
 */
@MappedSuperclass
public abstract class ContactReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The version of the last snapshot applied; an older one arriving late changes nothing. */
    @Column(name = "snapshot_version")
    public long snapshotVersion;

    /** The rep who owns the contact; null when no snapshot was seen. */
    public String owner;

    /** The contact it was merged into, for good; null unless merged. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** When it was erased, for good; null unless erased. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean merged() {
        return mergedInto != null;
    }

    /** Neither merged nor erased: snapshots still apply, and writes may name it. */
    public boolean active() {
        return !erased() && !merged();
    }
}

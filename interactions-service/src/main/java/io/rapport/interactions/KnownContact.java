package io.rapport.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.contacts.lookup.MergeChain;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What this service knows of a contact, from the contact events: its owner, and whether it still exists. */
@Entity
@Table(name = "known_contact")
public class KnownContact extends PanacheEntityBase {

    public enum Status {
        ACTIVE, MERGED, ERASED
    }

    @Id
    public UUID id;

    public String owner;

    /** The version of the latest contact snapshot applied; an older one arriving late is ignored. */
    @Column(name = "snapshot_version")
    public long snapshotVersion;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The survivor, for a MERGED contact. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The contact and every contact merged into it, directly or through a chain of merges. */
    public static List<UUID> withMergedInto(UUID contactId) {
        return MergeChain.of(contactId, survivor -> KnownContact.<KnownContact>list("mergedInto", survivor).stream()
                .map(merged -> merged.id).toList());
    }
}

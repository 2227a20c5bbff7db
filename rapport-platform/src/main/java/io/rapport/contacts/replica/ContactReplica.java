package io.rapport.contacts.replica;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.contacts.lookup.MergeChain;
import jakarta.persistence.EntityManager;
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

    /**
     * The contact and every contact merged into it, directly or through a chain of merges, survivor first, as the
     * replica of this type records them.
     */
    public static List<UUID> withMergedInto(Class<? extends ContactReplica> type, UUID contactId) {
        EntityManager entityManager = Panache.getEntityManager(type);
        return MergeChain.of(contactId, survivor -> entityManager
                .createQuery("select r.id from " + type.getSimpleName() + " r where r.mergedInto = :survivor",
                        UUID.class)
                .setParameter("survivor", survivor).getResultList());
    }
}

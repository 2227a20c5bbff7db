package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The scheduler's view of one contact, built only from events. */
@Entity
@Table(name = "contact_projection")
public class ContactProjection extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    /** The version of the newest contact snapshot applied; older snapshots arriving late are ignored. */
    @Column(name = "snapshot_version")
    public long snapshotVersion;

    public String owner;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "check_in_cadence_days")
    public int checkInCadenceDays;

    public String timezone;

    @Column(name = "contact_created_at")
    public Instant contactCreatedAt;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    @Column(name = "do_not_contact")
    public boolean doNotContact;

    /** Set when the contact was erased: no task is raised for it again. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** Set when the contact was merged into another. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether the rep should be prompted to get in touch at all. */
    public boolean isReachable() {
        return erasedAt == null && mergedInto == null && !doNotContact && !"FORMER".equals(lifecycleStage);
    }
}

package io.rapport.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.contacts.lookup.MergeChain;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A contact as this service knows it from contact events: enough to scope, address and refuse a survey. An erased
 * contact keeps only its id and the flag; a merged one names its survivor.
 */
@Entity
@Table(name = "feedback_contact")
public class FeedbackContact extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The version of the last snapshot applied; an older one arriving late changes nothing. */
    @Column(name = "snapshot_version")
    public long snapshotVersion;

    public String owner;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "do_not_contact")
    public boolean doNotContact;

    public boolean erased;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The contact and every contact merged into it, directly or through a chain of merges. */
    public static List<UUID> withMergedInto(UUID contactId) {
        return MergeChain.of(contactId, survivor -> FeedbackContact.<FeedbackContact>list("mergedInto", survivor).stream()
                .map(merged -> merged.id).toList());
    }
}

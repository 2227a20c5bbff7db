package io.rapport.feedback;

import java.util.List;
import java.util.UUID;

import io.rapport.contacts.lookup.MergeChain;
import io.rapport.contacts.replica.ContactReplica;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A contact as this service knows it from contact events: beyond what every replica holds, enough to address and
 * refuse a survey. An erased contact keeps none of it.
 */
@Entity
@Table(name = "feedback_contact")
public class FeedbackContact extends ContactReplica {

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "do_not_contact")
    public boolean doNotContact;

    /** The contact and every contact merged into it, directly or through a chain of merges. */
    public static List<UUID> withMergedInto(UUID contactId) {
        return MergeChain.of(contactId, survivor -> FeedbackContact.<FeedbackContact>list("mergedInto", survivor).stream()
                .map(merged -> merged.id).toList());
    }
}

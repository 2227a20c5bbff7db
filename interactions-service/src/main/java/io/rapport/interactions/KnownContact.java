package io.rapport.interactions;

import java.util.List;
import java.util.UUID;

import io.rapport.contacts.lookup.MergeChain;
import io.rapport.contacts.replica.ContactReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What this service knows of a contact, from the contact events: its owner, and whether it still exists. */
@Entity
@Table(name = "known_contact")
public class KnownContact extends ContactReplica {

    /** The contact and every contact merged into it, directly or through a chain of merges. */
    public static List<UUID> withMergedInto(UUID contactId) {
        return MergeChain.of(contactId, survivor -> KnownContact.<KnownContact>list("mergedInto", survivor).stream()
                .map(merged -> merged.id).toList());
    }
}

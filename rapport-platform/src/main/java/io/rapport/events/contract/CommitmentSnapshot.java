package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of commitment.made / commitment.fulfilled / commitment.cancelled, keyed by contact id: a promise a rep
 * made to a contact, as it stands after the change.
 *
 * @param status      OPEN, FULFILLED or CANCELLED
 * @param description what was promised, so a reminder can say it
 * @param version     grows with every change; a consumer ignores a snapshot older than the one it holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentSnapshot(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        UUID interactionId,
        String description,
        Instant dueAt,
        String status,
        Instant fulfilledAt,
        String cancelledReason,
        Instant createdAt,
        Instant updatedAt) {
}

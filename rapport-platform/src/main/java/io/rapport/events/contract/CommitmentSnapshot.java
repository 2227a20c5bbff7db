package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of commitment.made / commitment.fulfilled / commitment.cancelled, keyed by contact id: a promise a rep
 * made to a contact, as it stands after the change. What was promised, and why it was cancelled, are words a rep
 * wrote about a person: they stay in interactions-service ({@code GET /api/v1/commitments/{id}}), where erasure can
 * reach them, and never travel on a topic that keeps records for its retention.
 *
 * @param status  OPEN, FULFILLED or CANCELLED
 * @param version grows with every change; a consumer ignores a snapshot older than the one it holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitmentSnapshot(
        UUID id,
        long version,
        UUID contactId,
        String owner,
        UUID interactionId,
        Instant dueAt,
        String status,
        Instant fulfilledAt,
        Instant createdAt,
        Instant updatedAt) {
}

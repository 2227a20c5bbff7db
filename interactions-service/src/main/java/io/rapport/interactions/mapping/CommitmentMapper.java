package io.rapport.interactions.mapping;

import java.time.Instant;

import io.rapport.events.contract.CommitmentSnapshot;
import io.rapport.interactions.Commitment;
import io.rapport.interactions.rest.CommitmentInput;
import io.rapport.interactions.rest.CommitmentResponse;

public final class CommitmentMapper {

    private CommitmentMapper() {
    }

    public static CommitmentResponse toResponse(Commitment c, Instant now) {
        return new CommitmentResponse(c.id, c.version, c.contactId, c.owner, c.interactionId, c.description, c.dueAt,
                c.status, c.isOverdue(now), c.fulfilledAt, c.cancelledReason, c.createdAt, c.updatedAt);
    }

    public static CommitmentInput toInput(Commitment c) {
        return new CommitmentInput(c.contactId, c.interactionId, c.description, c.dueAt);
    }

    public static CommitmentSnapshot toSnapshot(Commitment c) {
        return new CommitmentSnapshot(c.id, c.version, c.contactId, c.owner, c.interactionId, c.dueAt,
                c.status.name(), c.fulfilledAt, c.createdAt, c.updatedAt);
    }
}

package io.rapport.interactions;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A promise a rep made to a contact, due at a given time. */
@Entity
public class Commitment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    public String owner;

    /** The interaction in which the promise was made, if any. */
    @Column(name = "interaction_id")
    public UUID interactionId;

    public String description;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public CommitmentStatus status;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Still open after its due time. */
    public boolean isOverdue(Instant now) {
        return status == CommitmentStatus.OPEN && dueAt.isBefore(now);
    }
}

package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A promise made to a contact, as the scheduler knows it from commitment events: when it is due and whether it is
 * kept, not its words (interactions-service has them).
 */
@Entity
@Table(name = "commitment_projection")
public class CommitmentProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "due_at")
    public Instant dueAt;

    /** OPEN, FULFILLED or CANCELLED. */
    public String status;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;
}

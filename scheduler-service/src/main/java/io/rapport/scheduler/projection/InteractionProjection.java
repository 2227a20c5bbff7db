package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A touch-point as the scheduler knows it, from interaction events. */
@Entity
@Table(name = "interaction_projection")
public class InteractionProjection extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    public String type;

    public String direction;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "requires_response")
    public boolean requiresResponse;

    @Column(name = "in_reply_to")
    public UUID inReplyTo;

    public String sentiment;

    public boolean deleted;

    /** Inbound and outbound conversations count as touch-points, on any channel; internal notes do not. */
    public boolean isTouchPoint() {
        return !deleted && !"INTERNAL".equals(direction) && !"NOTE".equals(type);
    }

    /** The latest touch-point with the contact, if any. */
    public static Optional<Instant> lastTouch(UUID contactId) {
        return find("select max(occurredAt) from InteractionProjection where contactId = ?1 and deleted = false"
                + " and direction <> 'INTERNAL' and type <> 'NOTE'", contactId)
                .project(Instant.class).firstResultOptional();
    }

    /** The latest outbound touch-point with the contact, if any. */
    public static Optional<Instant> lastOutbound(UUID contactId) {
        return find("select max(occurredAt) from InteractionProjection where contactId = ?1 and deleted = false"
                + " and direction = 'OUTBOUND'", contactId)
                .project(Instant.class).firstResultOptional();
    }
}

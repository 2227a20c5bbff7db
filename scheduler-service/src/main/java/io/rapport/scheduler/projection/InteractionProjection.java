package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** The latest touch-point with each of the contacts that had one, read in one query. */
    public static Map<UUID, Instant> lastTouches(Collection<UUID> contactIds) {
        Map<UUID, Instant> lastTouches = new HashMap<>();
        if (!contactIds.isEmpty()) {
            getEntityManager().createQuery("select i.contactId, max(i.occurredAt) from InteractionProjection i"
                    + " where i.contactId in :contacts and i.deleted = false and i.direction <> 'INTERNAL'"
                    + " and i.type <> 'NOTE' group by i.contactId", Object[].class)
                    .setParameter("contacts", contactIds).getResultList()
                    .forEach(row -> lastTouches.put((UUID) row[0], (Instant) row[1]));
        }
        return lastTouches;
    }

}

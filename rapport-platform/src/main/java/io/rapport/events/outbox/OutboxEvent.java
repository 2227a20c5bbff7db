package io.rapport.events.outbox;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting to be published, written in the same transaction as the state change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvents id: stable across redelivery. */
    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    /** The CloudEvents type; null for a tombstone, as are subject and payload. */
    public String type;

    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /** The W3C traceparent of the span that recorded the event; null when there was none. */
    @Column(name = "trace_parent")
    public String traceParent;
}

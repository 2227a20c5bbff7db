package io.rapport.interactions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A touch-point with a contact: a call, an email, a meeting, a note... */
@Entity
public class Interaction extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Grows with every change; the ETag and the version of the interaction's event snapshots. */
    @Version
    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    /** The contact's owner: the rep whose relationship this touch-point belongs to. */
    public String owner;

    /** The user who logged it (a manager may log for a rep). */
    @Column(name = "logged_by")
    public String loggedBy;

    @Enumerated(EnumType.STRING)
    public InteractionType type;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public String subject;

    public String summary;

    @Enumerated(EnumType.STRING)
    public Sentiment sentiment;

    /** What the contact said they need: active listening, in their words. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "needs_heard")
    public List<String> needsHeard = new ArrayList<>();

    /** For VALUE_ADD: what was given (a resource, an introduction, a training). */
    @Column(name = "value_provided")
    public String valueProvided;

    @Column(name = "next_steps")
    public String nextSteps;

    /** An inbound interaction that awaits a reply. */
    @Column(name = "requires_response")
    public boolean requiresResponse;

    /** The inbound interaction this outbound one answers. */
    @Column(name = "in_reply_to")
    public UUID inReplyTo;

    /** Logged by hand, or captured from the rep's mailbox. */
    @Enumerated(EnumType.STRING)
    public InteractionSource source = InteractionSource.MANUAL;

    /** A captured interaction's message (the SHA-256 of its Message-ID); null for one logged by hand. */
    @Column(name = "message_key")
    public String messageKey;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attachment> attachments = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

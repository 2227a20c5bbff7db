package io.rapport.scheduler.task;

import java.time.Instant;
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

/** Something a rep should do for a contact, with the rule and the events that raised it. */
@Entity
public class Task extends PanacheEntityBase {

    /** Deterministic (rule, contact, subject, window): replaying the same events can never raise a second task. */
    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    public String owner;

    @Enumerated(EnumType.STRING)
    public TaskKind kind;

    public String subject;

    /** The window the task belongs to within its subject (e.g. the touch-point a check-in counts from). */
    @Column(name = "time_window")
    public String window;

    @Enumerated(EnumType.STRING)
    public TaskStatus status;

    @Enumerated(EnumType.STRING)
    public TaskPriority priority;

    /** The priority's urgency (URGENT 3 ... LOW 0), computed by the database for sorting. */
    @Column(name = "priority_rank", insertable = false, updatable = false)
    public Integer priorityRank;

    @Column(name = "due_at")
    public Instant dueAt;

    /** Human-readable, with the facts behind the task. */
    public String reason;

    public String rule;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_event_ids")
    public List<String> sourceEventIds;

    /** Why the task was closed: who completed or dismissed it, or which event resolved it. */
    public String resolution;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    /** When the sweep must look at the task again: its snooze ends, or it falls overdue and escalates. */
    @Column(name = "sweep_at")
    public Instant sweepAt;

    /** When the task, still open, becomes urgent; null for tasks that never escalate. */
    @Column(name = "escalate_at")
    public Instant escalateAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

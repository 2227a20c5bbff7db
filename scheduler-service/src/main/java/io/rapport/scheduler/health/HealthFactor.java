package io.rapport.scheduler.health;

/** What the relationship health score is made of. */
public enum HealthFactor {
    /** Time since the last touch-point against the contact's check-in cadence. */
    RECENCY,
    /** The sentiment of the latest interactions, the newest weighing most. */
    SENTIMENT,
    /** The latest NPS and CSAT answers. */
    FEEDBACK,
    /** Commitments kept, on time or late, against those broken (overdue and still open). */
    COMMITMENTS,
    /** Inbound messages still awaiting a reply, and for how long. */
    UNANSWERED
}

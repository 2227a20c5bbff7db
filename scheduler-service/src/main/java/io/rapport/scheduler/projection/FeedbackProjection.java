package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.rapport.events.contract.FeedbackReceived;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A survey answer as the scheduler knows it, from feedback.received: scores and classes, no comment. */
@Entity
@Table(name = "feedback_projection")
public class FeedbackProjection extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "nps_score")
    public Integer npsScore;

    /** PROMOTER, PASSIVE or DETRACTOR; null without an NPS score. */
    @Column(name = "nps_class")
    public String npsClass;

    @Column(name = "csat_score")
    public Integer csatScore;

    /** SATISFIED, NEUTRAL or DISSATISFIED; null without a CSAT score. */
    @Column(name = "csat_class")
    public String csatClass;

    @Column(name = "received_at")
    public Instant receivedAt;

    static void record(FeedbackReceived feedback) {
        FeedbackProjection answer = new FeedbackProjection();
        answer.requestId = feedback.requestId();
        answer.contactId = feedback.contactId();
        answer.npsScore = feedback.npsScore();
        answer.npsClass = feedback.npsClass();
        answer.csatScore = feedback.csatScore();
        answer.csatClass = feedback.csatClass();
        answer.receivedAt = feedback.receivedAt();
        answer.persist();
    }

    /** The contact's most recent answer with an NPS score. */
    public static Optional<FeedbackProjection> latestNps(UUID contactId) {
        return find("contactId = ?1 and npsScore is not null", Sort.descending("receivedAt"), contactId)
                .firstResultOptional();
    }

    /** The contact's most recent answer with a CSAT score. */
    public static Optional<FeedbackProjection> latestCsat(UUID contactId) {
        return find("contactId = ?1 and csatScore is not null", Sort.descending("receivedAt"), contactId)
                .firstResultOptional();
    }

    /** When the contact last answered any survey. */
    public static Optional<Instant> lastAnswered(UUID contactId) {
        return find("select max(receivedAt) from FeedbackProjection where contactId = ?1", contactId)
                .project(Instant.class).firstResultOptional();
    }
}

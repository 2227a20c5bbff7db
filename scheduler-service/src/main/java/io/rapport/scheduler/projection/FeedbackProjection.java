package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.events.contract.FeedbackReceived;
import io.rapport.events.contract.FeedbackRequested;
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

    /** When the client answered; null while the survey is open. */
    @Column(name = "received_at")
    public Instant receivedAt;

    /** When the survey was sent; null when its feedback.requested has not been seen. */
    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /**
     * Notes a survey sent; an answer seen before its request (another partition's order) keeps its answer.
     *
     * @param contactId the contact the survey belongs to: the one it names, or the survivor of its merge
     */
    public static void recordRequest(FeedbackRequested request, UUID contactId) {
        FeedbackProjection survey = FeedbackProjection.<FeedbackProjection>findByIdOptional(request.requestId())
                .orElseGet(FeedbackProjection::new);
        survey.requestId = request.requestId();
        survey.contactId = survey.contactId != null ? survey.contactId : contactId;
        survey.requestedAt = request.createdAt();
        survey.expiresAt = request.expiresAt();
        survey.persist();
    }

    /**
     * @param contactId the contact the answer belongs to: the one it names, or the survivor of its merge
     * @return false when the answer was already recorded
     */
    public static boolean recordAnswer(FeedbackReceived feedback, UUID contactId) {
        FeedbackProjection answer = FeedbackProjection.<FeedbackProjection>findByIdOptional(feedback.requestId())
                .orElseGet(FeedbackProjection::new);
        if (answer.receivedAt != null) {
            return false;
        }
        answer.requestId = feedback.requestId();
        answer.contactId = answer.contactId != null ? answer.contactId : contactId;
        answer.npsScore = feedback.npsScore();
        answer.npsClass = feedback.npsClass();
        answer.csatScore = feedback.csatScore();
        answer.csatClass = feedback.csatClass();
        answer.receivedAt = feedback.receivedAt();
        answer.persist();
        return true;
    }
}

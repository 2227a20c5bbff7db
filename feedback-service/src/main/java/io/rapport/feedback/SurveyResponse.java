package io.rapport.feedback;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The answer to a survey request: one per request. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "contact_id")
    public UUID contactId;

    public String owner;

    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(name = "csat_score")
    public Integer csatScore;

    public String comment;

    @Enumerated(EnumType.STRING)
    public ResponseSource source;

    /** The rep who recorded it for the client, null when the client answered. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "received_at")
    public Instant receivedAt;

    public NpsClass npsClass() {
        return npsScore == null ? null : NpsClass.of(npsScore);
    }

    public CsatClass csatClass() {
        return csatScore == null ? null : CsatClass.of(csatScore);
    }
}

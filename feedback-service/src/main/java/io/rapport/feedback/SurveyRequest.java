package io.rapport.feedback;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.delivery.Delivery;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A survey sent to a contact, answerable once through its token until it expires or is cancelled. */
@Entity
@Table(name = "survey_request")
public class SurveyRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "contact_id")
    public UUID contactId;

    /** The rep the survey is for: the contact's owner when it was sent. */
    public String owner;

    /** The name the survey page shows for the rep, taken from the creator's token. */
    @Column(name = "rep_name")
    public String repName;

    @Enumerated(EnumType.STRING)
    public SurveyKind kind;

    @Enumerated(EnumType.STRING)
    public SurveyChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "context_type")
    public ContextType contextType;

    @Column(name = "context_id")
    public UUID contextId;

    /** SHA-256 (hex) of the response token; the token itself is never stored. */
    @Column(name = "token_hash")
    public String tokenHash;

    /** PENDING, ANSWERED or CANCELLED as stored; see {@link #statusAt(Instant)} for expiry. */
    @Enumerated(EnumType.STRING)
    public SurveyStatus status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The email (or other message) that takes the link to the client; no status for LINK and IN_APP. */
    @Embedded
    public Delivery delivery = new Delivery();

    /** The link's token, only while the message that carries it is still to be sent. */
    @Column(name = "delivery_token")
    public String deliveryToken;

    /** The status as of {@code now}: a pending request past its expiry is EXPIRED. */
    public SurveyStatus statusAt(Instant now) {
        return status == SurveyStatus.PENDING && !now.isBefore(expiresAt) ? SurveyStatus.EXPIRED : status;
    }
}

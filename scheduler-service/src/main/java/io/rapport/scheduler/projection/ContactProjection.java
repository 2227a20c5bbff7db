package io.rapport.scheduler.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import io.rapport.contacts.replica.ContactReplica;
import io.rapport.events.contract.ContactSnapshot.ImportantDate;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The scheduler's view of one contact, built only from events: the platform's contact replica (id, owner, snapshot
 * version, merged, erased) and what the rules read. A contact merged or erased before any snapshot has a row with no
 * owner, name or dates.
 */
@Entity
@Table(name = "contact_projection")
@AttributeOverride(name = "id", column = @Column(name = "contact_id"))
public class ContactProjection extends ContactReplica {

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "check_in_cadence_days")
    public int checkInCadenceDays;

    /** The most days the contact may go without a touch-point before an URGENT check-in; null when unlimited. */
    @Column(name = "check_in_max_interval_days")
    public Integer checkInMaxIntervalDays;

    /** When a rep last completed or dismissed the contact's check-in; the cadence counts from then at the earliest. */
    @Column(name = "check_in_closed_at")
    public Instant checkInClosedAt;

    public String timezone;

    @Column(name = "contact_created_at")
    public Instant contactCreatedAt;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    @Column(name = "do_not_contact")
    public boolean doNotContact;

    /** EMAIL, PHONE, ... as the contact prefers to be reached; null when not stated. */
    @Column(name = "preferred_channel")
    public String preferredChannel;

    /** Consent to marketing messages. */
    @Column(name = "marketing_opt_in")
    public boolean marketingOptIn;

    /**
     * Yearly dates worth a word: birthday, customer-since and work anniversaries, custom ones. Replaced whole by each
     * snapshot, never changed in place: Hibernate compares it by value instead of keeping a deep copy.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "important_dates")
    public List<ImportantDate> importantDates = new ArrayList<>();

    /** When the contact-level time rules must look at this contact again; null when never. */
    @Column(name = "sweep_at")
    public Instant sweepAt;

    /**
     * The contact's last touch-point, if it came after the contact was added: one logged with an earlier date (an
     * imported history, say) does not count, and the counts of the check-in rules and of health start at the adding.
     */
    public Optional<Instant> touchSinceAdded(Optional<Instant> lastTouch) {
        return lastTouch.filter(touch -> touch.isAfter(contactCreatedAt));
    }

    /** Whether the rep should be prompted to get in touch at all. */
    public boolean isReachable() {
        return erasedAt == null && mergedInto == null && !doNotContact && !"FORMER".equals(lifecycleStage);
    }
}

package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A rep's wish to get their agenda by email every day, at a time of their own day. */
@Entity
@Table(name = "digest_subscription")
public class DigestSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String owner;

    public String address;

    @Column(name = "send_at")
    public LocalTime sendAt;

    public String timezone;

    public boolean enabled;

    /** Also on a day with nothing on the agenda. */
    @Column(name = "send_when_empty")
    public boolean sendWhenEmpty;

    /** An URGENT or HIGH task is also emailed at once. */
    @Column(name = "instant_alerts")
    public boolean instantAlerts;

    /** Since when: the tasks raised or changed before are not alerted. */
    @Column(name = "alerts_since")
    public Instant alertsSince;

    /** When the next digest is due; null while it is off. */
    @Column(name = "next_digest_at")
    public Instant nextDigestAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static DigestSubscription of(String owner) {
        return find("owner", owner).firstResult();
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** The moment of this rep's digest on {@code date}; a time a clock change skips is moved past the gap. */
    public Instant dueOn(LocalDate date) {
        return ZonedDateTime.of(date, sendAt, zone()).toInstant();
    }

    /** The first digest moment after {@code now}. */
    public Instant nextAfter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone());
        Instant todays = dueOn(today);
        return todays.isAfter(now) ? todays : dueOn(today.plusDays(1));
    }
}

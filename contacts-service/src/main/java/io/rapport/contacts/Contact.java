package io.rapport.contacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/** A person a rep keeps in touch with. */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Grows with every change; the ETag and the version of the contact's event snapshots. */
    @Version
    public long version;

    /** The rep (user id) who owns the relationship. */
    public String owner;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @ElementCollection
    @CollectionTable(name = "contact_email", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    public List<EmailAddress> emails = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    public List<PhoneNumber> phones = new ArrayList<>();

    public String timezone;

    /** A BCP 47 tag in one spelling, {@link java.util.Locale#toLanguageTag()}'s: de-AT, never DE-at. */
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public Channel preferredChannel;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;

    /** Days between check-ins as set on the contact; null means the default of its lifecycle stage. */
    @Column(name = "check_in_cadence_days")
    public Integer checkInCadenceDays;

    /** The longest acceptable gap between touch-points ("every 4 weeks, at worst every 6"). */
    @Column(name = "check_in_max_interval_days")
    public Integer checkInMaxIntervalDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> interests = new ArrayList<>();

    @Column(name = "personal_notes")
    public String personalNotes;

    @ElementCollection
    @CollectionTable(name = "contact_important_date", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    public List<ImportantDate> importantDates = new ArrayList<>();

    @Column(name = "do_not_contact")
    public boolean doNotContact;

    @Column(name = "marketing_opt_in")
    public boolean marketingOptIn;

    @Column(name = "sort_name")
    public String sortName;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }

    public String primaryEmail() {
        return emails.stream().filter(email -> email.primary).map(email -> email.address).findFirst().orElse(null);
    }
}

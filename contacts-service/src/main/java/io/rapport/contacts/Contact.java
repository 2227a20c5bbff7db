package io.rapport.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

    public String email;

    @Column(name = "check_in_cadence_days")
    public int checkInCadenceDays;

    public String timezone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }
}

package io.rapport.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A company or institution contacts work for; shared by all reps. */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String name;

    public String domain;

    public String industry;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

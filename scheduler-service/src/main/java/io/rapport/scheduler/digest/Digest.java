package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.delivery.Delivery;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rep's digest of one day: at most one per rep and day, sent once. */
@Entity
@Table(name = "digest")
public class Digest extends PanacheEntityBase {

    @Id
    public UUID id;

    public String owner;

    /** The rep's day it is for, in their time zone. */
    @Column(name = "digest_date")
    public LocalDate date;

    public String address;

    public String timezone;

    @Column(name = "send_when_empty")
    public boolean sendWhenEmpty;

    @Column(name = "created_at")
    public Instant createdAt;

    @Embedded
    public Delivery delivery;
}

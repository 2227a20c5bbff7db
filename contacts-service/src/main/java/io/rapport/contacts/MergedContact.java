package io.rapport.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact merged into another: its id keeps answering with the survivor's. */
@Entity
@Table(name = "merged_contact")
public class MergedContact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "survivor_id")
    public UUID survivorId;

    public String owner;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "merged_by")
    public String mergedBy;
}

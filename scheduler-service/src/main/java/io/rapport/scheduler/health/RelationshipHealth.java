package io.rapport.scheduler.health;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact's relationship health as last computed: the score, its band and the components behind it. */
@Entity
@Table(name = "relationship_health")
public class RelationshipHealth extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    public String owner;

    public int score;

    @Enumerated(EnumType.STRING)
    public HealthBand band;

    /**
     * Replaced whole at each score, never changed in place: Hibernate compares it by value instead of keeping a deep
     * copy (a JSON round trip at every load and update).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<HealthComponent> components = List.of();

    @Column(name = "computed_at")
    public Instant computedAt;

    /** The next instant the score could fall into a lower band with nothing happening; null when it cannot. */
    @Column(name = "recheck_at")
    public Instant recheckAt;
}

package io.rapport.contacts;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What remains of an erased contact: that the id existed, and when and by whom it was erased. */
@Entity
@Table(name = "erased_contact")
public class ErasedContact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    /** The rep who owned it when it was erased: who may learn that it existed. */
    public String owner;
}

package io.rapport.contacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** Every contact merged into {@code survivorId}, directly or through a chain of merges, in the order merged. */
    public static List<MergedContact> into(UUID survivorId) {
        List<MergedContact> all = new ArrayList<>();
        List<UUID> survivors = new ArrayList<>(List.of(survivorId));
        for (int i = 0; i < survivors.size(); i++) {
            for (MergedContact merged : MergedContact.<MergedContact>list("survivorId = ?1 order by mergedAt, id",
                    survivors.get(i))) {
                if (!survivors.contains(merged.id)) {
                    all.add(merged);
                    survivors.add(merged.id);
                }
            }
        }
        return all;
    }
}

package io.rapport.scheduler.health.service;

import java.util.List;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rapport.rest.Cursor;
import io.rapport.scheduler.health.HealthBand;
import io.rapport.scheduler.health.RelationshipHealth;
import jakarta.enterprise.context.ApplicationScoped;

/** A rep's book of contacts by health, worst first (score, then contact id), with keyset pagination. */
@ApplicationScoped
public class OwnerBook {

    /** @param band only this band; null for all */
    public List<RelationshipHealth> page(String owner, HealthBand band, int limit, Cursor after) {
        StringBuilder where = new StringBuilder("owner = :owner");
        Parameters parameters = Parameters.with("owner", owner);
        if (band != null) {
            where.append(" and band = :band");
            parameters.and("band", band);
        }
        if (after != null) {
            where.append(" and (score > :score or (score = :score and contactId > :contactId))");
            parameters.and("score", scoreOf(after)).and("contactId", after.id());
        }
        return RelationshipHealth.<RelationshipHealth>find(where.toString(), Sort.by("score").and("contactId"),
                parameters).page(0, limit).list();
    }

    public static Cursor cursorAfter(RelationshipHealth health) {
        return new Cursor(Integer.toString(health.score), health.contactId);
    }

    private static int scoreOf(Cursor cursor) {
        return cursor.intValue();
    }
}

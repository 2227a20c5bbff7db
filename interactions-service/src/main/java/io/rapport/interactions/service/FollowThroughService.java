package io.rapport.interactions.service;

import java.time.Clock;
import java.time.Instant;

import io.rapport.interactions.rest.FollowThroughReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Follow-through of a rep: of the commitments due in a period, how many were kept on time, late, or not yet. */
@ApplicationScoped
public class FollowThroughService {

    private final EntityManager entityManager;
    private final Clock clock;

    public FollowThroughService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public FollowThroughReport report(String owner, Instant from, Instant to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*) filter (where status <> 'CANCELLED'),
                       count(*) filter (where status = 'FULFILLED' and fulfilled_at <= due_at),
                       count(*) filter (where status = 'FULFILLED' and fulfilled_at > due_at),
                       count(*) filter (where status = 'OPEN' and due_at < :now),
                       count(*) filter (where status = 'OPEN' and due_at >= :now),
                       count(*) filter (where status = 'CANCELLED')
                from commitment where owner = :owner and due_at >= :from and due_at < :to""")
                .setParameter("now", clock.instant())
                .setParameter("owner", owner)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        long made = count(row[0]);
        long onTime = count(row[1]);
        long late = count(row[2]);
        long overdue = count(row[3]);
        long decided = onTime + late + overdue;
        return new FollowThroughReport(owner, from, to, made, onTime, late, overdue, count(row[4]), count(row[5]),
                decided == 0 ? null : (double) onTime / decided);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}

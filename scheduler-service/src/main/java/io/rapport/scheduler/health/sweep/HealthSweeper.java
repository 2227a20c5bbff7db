package io.rapport.scheduler.health.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.scheduler.health.service.HealthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The time-based part of the health score: without any event, a score falls as the last touch-point ages, replies
 * keep waiting and commitments fall overdue. Each score records when it could next fall into a lower band (the
 * indexed {@code recheck_at}); the sweep recomputes only those rows, locks them with SKIP LOCKED so that several
 * scheduler replicas share the work without computing a contact twice, and catches up on everything missed while
 * no replica ran.
 */
@ApplicationScoped
public class HealthSweeper {

    private static final Logger LOG = Logger.getLogger(HealthSweeper.class);
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final HealthService health;
    private final Clock clock;

    public HealthSweeper(EntityManager entityManager, HealthService health, Clock clock) {
        this.entityManager = entityManager;
        this.health = health;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "health-sweep")
    void scheduledSweep() {
        int swept = sweep();
        if (swept > 0) {
            LOG.debugf("Recomputed %d health scores", swept);
        }
    }

    /** @return how many scores this run recomputed */
    public int sweep() {
        int total = 0;
        int swept;
        do {
            swept = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += swept;
        } while (swept == BATCH);
        return total;
    }

    /** A recomputed score's next recheck is always later than now, so every batch takes new rows. */
    private int sweepBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                select contact_id from relationship_health where recheck_at <= ?1 order by recheck_at limit ?2
                for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH)
                .getResultList();
        for (UUID contactId : due) {
            health.recomputeSwept(contactId);
            // each contact's rows are done with: a session that keeps them makes every later query's flush check
            // them all again (the rows stay locked until the batch commits)
            entityManager.flush();
            entityManager.clear();
        }
        return due.size();
    }
}

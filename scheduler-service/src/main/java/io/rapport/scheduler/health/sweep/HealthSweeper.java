package io.rapport.scheduler.health.sweep;

import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.scheduler.health.service.HealthService;
import io.rapport.scheduler.sweep.DueRows;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final DueRows dueRows;
    private final HealthService health;

    public HealthSweeper(DueRows dueRows, HealthService health) {
        this.dueRows = dueRows;
        this.health = health;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "health-sweep")
    void scheduledSweep() {
        int swept = sweep();
        if (swept > 0) {
            LOG.debugf("Recomputed %d health scores", swept);
        }
    }

    /** @return how many scores this run recomputed; a recomputed score's next recheck is always later than now */
    public int sweep() {
        return dueRows.sweep("relationship_health", "contact_id", "recheck_at", (contactId, now) -> {
            health.recomputeSwept(contactId);
            return true;
        });
    }
}

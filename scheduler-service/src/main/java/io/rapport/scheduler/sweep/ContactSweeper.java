package io.rapport.scheduler.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.rules.ContactTimeRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Runs the time-based contact rules (yearly dates coming up, surveys falling due) for the contacts whose
 * {@code sweep_at} has come, and only those (a partial index holds them). Rows are locked with SKIP LOCKED, so
 * several scheduler replicas share the work without raising a task twice; a late run catches up on everything due.
 */
@ApplicationScoped
public class ContactSweeper {

    private static final Logger LOG = Logger.getLogger(ContactSweeper.class);
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final ContactTimeRules timeRules;
    private final ContactLock contactLock;
    private final Clock clock;

    public ContactSweeper(EntityManager entityManager, ContactTimeRules timeRules, ContactLock contactLock,
            Clock clock) {
        this.entityManager = entityManager;
        this.timeRules = timeRules;
        this.contactLock = contactLock;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "contact-sweep")
    void scheduledSweep() {
        int swept = sweep();
        if (swept > 0) {
            LOG.debugf("Ran the time-based rules for %d contacts", swept);
        }
    }

    /** @return how many contacts this run looked at */
    public int sweep() {
        int total = 0;
        int swept;
        do {
            swept = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += swept;
        } while (swept == BATCH); // fewer: nothing more is due, or the rest is busy and waits for the next run
        return total;
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                select contact_id from contact_projection where sweep_at <= ?1 order by sweep_at limit ?2
                for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH)
                .getResultList();
        int swept = 0;
        for (UUID id : due) {
            // a contact whose events are being applied right now is left to the next run: waiting here, with the
            // batch's rows locked, could deadlock with that consumer
            if (contactLock.tryLock(id)) {
                timeRules.evaluate(entityManager.find(ContactProjection.class, id), null);
                swept++;
                // done with this contact's rows: a session that keeps them makes every later query's flush check
                // them all again (the rows stay locked until the batch commits)
                entityManager.flush();
                entityManager.clear();
            }
        }
        return swept;
    }
}

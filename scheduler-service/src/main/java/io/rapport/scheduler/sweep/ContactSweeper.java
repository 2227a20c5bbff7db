package io.rapport.scheduler.sweep;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.scheduler.projection.ContactBatch;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.rules.ContactTimeRules;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the time-based contact rules (yearly dates coming up, surveys falling due) for the contacts whose
 * {@code sweep_at} has come, and only those (a partial index holds them). Rows are locked with SKIP LOCKED, so
 * several scheduler replicas share the work without raising a task twice; a late run catches up on everything due.
 */
@ApplicationScoped
public class ContactSweeper {

    private static final Logger LOG = Logger.getLogger(ContactSweeper.class);

    private final DueRows dueRows;
    private final ContactTimeRules timeRules;
    private final ContactLock contactLock;

    public ContactSweeper(DueRows dueRows, ContactTimeRules timeRules, ContactLock contactLock) {
        this.dueRows = dueRows;
        this.timeRules = timeRules;
        this.contactLock = contactLock;
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
        return dueRows.sweep("contact_projection", "contact_id", "sweep_at", (id, now) -> {
            // a contact whose events are being applied right now is left to the next run: waiting here, with the
            // batch's rows locked, could deadlock with that consumer
            if (!contactLock.tryLock(id)) {
                return false;
            }
            ContactBatch batch = ContactBatch.of(List.of(id), now);
            batch.contact(id).ifPresent(contact -> timeRules.evaluate(batch, contact, null));
            return true;
        });
    }
}

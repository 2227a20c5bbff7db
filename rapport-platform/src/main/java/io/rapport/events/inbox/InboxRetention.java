package io.rapport.events.inbox;

import java.time.Clock;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.events.outbox.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Forgets the ids of events applied longer ago than {@code rapport.events.inbox.retention}: without it the inbox
 * keeps a row for every event a service ever consumed, and grows for as long as the service runs. The rows go a
 * chunk per transaction, so a first purge of a large backlog never holds a long transaction or a burst of WAL;
 * replicas purging at once skip each other's rows.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    static final int CHUNK = 10_000;

    private final EntityManager entityManager;
    private final EventsConfig.Inbox config;
    private final Clock clock;

    public InboxRetention(EntityManager entityManager, EventsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config.inbox();
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.events.inbox.purge-interval}", delayed = "1m", identity = "inbox-purge",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purge();
        if (purged > 0) {
            LOG.infof("Inbox: forgot %d event ids applied more than %s ago", purged, config.retention());
        }
    }

    /** @return how many event ids were forgotten */
    public long purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from processed_event where ctid = any(array(
                      select ctid from processed_event where processed_at < ?1 limit ?2 for update skip locked))""")
                    .setParameter(1, cutoff).setParameter(2, CHUNK)
                    .executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}

package io.rapport.scheduler.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Forgets the digests and alerts that are done with (sent, bounced, given up or not needed) once they are older than
 * {@code rapport.digest.keep-days}: a rep's latest digest is what the API shows, and each row holds the rep's address.
 * Rows still to be sent stay, whatever their age.
 */
@ApplicationScoped
public class SentMailPurge {

    private final DigestConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    public SentMailPurge(DigestConfig config, EntityManager entityManager, Clock clock) {
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = ConcurrentExecution.SKIP, identity = "mail-purge")
    void scheduledPurge() {
        purge();
    }

    /** @return how many rows this run forgot */
    public int purge() {
        Instant before = clock.instant().minus(Duration.ofDays(config.keepDays()));
        return QuarkusTransaction.requiringNew().call(() -> forget("digest", before) + forget("task_alert", before));
    }

    private int forget(String table, Instant before) {
        return entityManager.createNativeQuery("delete from " + table + " where created_at < ?1"
                + " and delivery_status not in ('QUEUED', 'SENDING')")
                .setParameter(1, before).executeUpdate();
    }
}

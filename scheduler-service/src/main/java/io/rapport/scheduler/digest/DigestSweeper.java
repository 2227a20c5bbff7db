package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.delivery.DeliveryQueue;
import io.rapport.scheduler.sweep.DueRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Queues each subscribed rep's digest once their time of day has come: one per rep and day, whatever the replicas
 * and restarts (the digest table's unique key), and none for a day whose time passed while nothing ran (a digest
 * about yesterday is no use). Sending is the delivery queue's.
 */
@ApplicationScoped
public class DigestSweeper {

    private final DueRows dueRows;
    private final DeliveryQueue deliveries;
    private final EntityManager entityManager;

    public DigestSweeper(DueRows dueRows, DeliveryQueue deliveries, EntityManager entityManager) {
        this.dueRows = dueRows;
        this.deliveries = deliveries;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "digest-sweep")
    void scheduledSweep() {
        sweep();
    }

    /** @return how many subscriptions this run looked at */
    public int sweep() {
        return dueRows.sweep("digest_subscription", "id", "next_digest_at", (id, now) -> {
            DigestSubscription subscription = entityManager.find(DigestSubscription.class, id);
            LocalDate today = LocalDate.ofInstant(now, subscription.zone());
            if (subscription.enabled && !subscription.dueOn(today).isAfter(now)) {
                queue(subscription, today, now);
            }
            subscription.nextDigestAt = subscription.enabled ? subscription.nextAfter(now) : null;
            return true;
        });
    }

    private void queue(DigestSubscription subscription, LocalDate date, Instant now) {
        int queued = entityManager.createNativeQuery("""
                insert into digest (id, owner, digest_date, address, timezone, send_when_empty, created_at,
                                    delivery_status, next_delivery_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'QUEUED', ?7)
                on conflict (owner, digest_date) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscription.owner).setParameter(3, date)
                .setParameter(4, subscription.address).setParameter(5, subscription.timezone)
                .setParameter(6, subscription.sendWhenEmpty).setParameter(7, now)
                .executeUpdate();
        if (queued == 1) {
            deliveries.wakeAfterCommit();
        }
    }
}

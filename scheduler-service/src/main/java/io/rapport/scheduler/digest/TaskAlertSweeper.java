package io.rapport.scheduler.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.delivery.DeliveryQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Queues an alert for every open URGENT or HIGH task of a rep who asked for them, raised or changed (escalated, say)
 * since they did: one per task, whatever the replicas (the alert's id is the task's). It looks every
 * {@code rapport.digest.alert-interval} rather than in the transactions that raise tasks, so that ingesting events
 * costs nothing more.
 */
@ApplicationScoped
public class TaskAlertSweeper {

    /** priority_rank of HIGH (URGENT is 3): see the task table. */
    private static final int HIGH_RANK = 2;
    /** How far back a task's change may be: bounds the scan; an older task was alerted, or changed before opt-in. */
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final DeliveryQueue deliveries;
    private final EntityManager entityManager;
    private final Clock clock;

    public TaskAlertSweeper(DeliveryQueue deliveries, EntityManager entityManager, Clock clock) {
        this.deliveries = deliveries;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.digest.alert-interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "task-alert-sweep")
    void scheduledSweep() {
        sweep();
    }

    /** @return how many alerts this run queued */
    public int sweep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int queued = entityManager.createNativeQuery("""
                    insert into task_alert (id, owner, address, created_at, delivery_status, next_delivery_at)
                    select t.id, t.owner, s.address, ?1, 'QUEUED', ?1
                    from digest_subscription s
                    join task t on t.owner = s.owner and t.status = 'OPEN' and t.priority_rank >= ?2
                    where s.instant_alerts and t.updated_at >= s.alerts_since and t.updated_at >= ?3
                    on conflict (id) do nothing""")
                    .setParameter(1, now).setParameter(2, HIGH_RANK).setParameter(3, now.minus(LOOK_BACK))
                    .executeUpdate();
            if (queued > 0) {
                deliveries.wakeAfterCommit();
            }
            return queued;
        });
    }
}

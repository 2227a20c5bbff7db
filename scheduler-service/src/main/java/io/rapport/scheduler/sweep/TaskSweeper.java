package io.rapport.scheduler.sweep;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskPriority;
import io.rapport.scheduler.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The time-based part of the rules: a snoozed task is due again when its snooze ends, and an open task that can
 * escalate (a commitment falling due, a reply past its SLA) becomes urgent. It reads only the rows due for a look
 * (the indexed {@code sweep_at}), locks them with SKIP LOCKED so that several scheduler replicas share the work
 * without touching a row twice, and catches up on everything missed while no replica ran.
 */
@ApplicationScoped
public class TaskSweeper {

    private static final Logger LOG = Logger.getLogger(TaskSweeper.class);
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final Clock clock;

    public TaskSweeper(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "task-sweep")
    void scheduledSweep() {
        int swept = sweep();
        if (swept > 0) {
            LOG.debugf("Swept %d tasks", swept);
        }
    }

    /** @return how many tasks this run changed */
    public int sweep() {
        int total = 0;
        int swept;
        do {
            swept = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += swept;
        } while (swept == BATCH);
        return total;
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                select id from task where sweep_at <= ?1 order by sweep_at limit ?2 for update skip locked""",
                UUID.class)
                .setParameter(1, now).setParameter(2, BATCH)
                .getResultList();
        for (UUID id : due) {
            Task task = entityManager.find(Task.class, id);
            wakeOrEscalate(task, now);
        }
        return due.size();
    }

    private static void wakeOrEscalate(Task task, Instant now) {
        task.sweepAt = null;
        if (task.status == TaskStatus.SNOOZED && !task.snoozedUntil.isAfter(now)) {
            task.status = TaskStatus.OPEN;
            task.snoozedUntil = null;
            task.sweepAt = task.escalateAt != null && task.priority != TaskPriority.URGENT ? task.escalateAt : null;
            task.updatedAt = now;
        }
        if (task.status == TaskStatus.OPEN && task.escalateAt != null && !task.escalateAt.isAfter(now)
                && task.priority != TaskPriority.URGENT) {
            task.priority = TaskPriority.URGENT;
            task.reason = task.reason + "; overdue since " + LocalDate.ofInstant(task.escalateAt, ZoneOffset.UTC);
            task.sweepAt = null;
            task.updatedAt = now;
        }
    }
}

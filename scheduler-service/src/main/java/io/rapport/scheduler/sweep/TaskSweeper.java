package io.rapport.scheduler.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

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

    private final DueRows dueRows;
    private final EntityManager entityManager;

    public TaskSweeper(DueRows dueRows, EntityManager entityManager) {
        this.dueRows = dueRows;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${rapport.sweep.interval}", delayed = "10s",
            concurrentExecution = ConcurrentExecution.SKIP, identity = "task-sweep")
    void scheduledSweep() {
        int swept = sweep();
        if (swept > 0) {
            LOG.debugf("Swept %d tasks", swept);
        }
    }

    /** @return how many tasks this run looked at */
    public int sweep() {
        return dueRows.sweep("task", "id", "sweep_at", (id, now) -> {
            wakeOrEscalate(entityManager.find(Task.class, id), now);
            return true;
        });
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

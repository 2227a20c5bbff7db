package io.rapport.scheduler.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What every sweep does: take the rows whose due column has come (through its partial index), a batch at a time,
 * each batch in a transaction of its own, locked with SKIP LOCKED so that several scheduler replicas share the work
 * without touching a row twice; and go on until nothing more is due, so a late run catches up on everything.
 */
@ApplicationScoped
public class DueRows {

    static final int BATCH = 500;

    private final EntityManager entityManager;
    private final Clock clock;
    private final MeterRegistry registry;

    public DueRows(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * @param table     with {@code idColumn} and {@code dueColumn}: identifiers from code, never from input
     * @param dueColumn must move past the batch's "now" for a row handled, or the row is taken again
     * @param handle    applies one row at the batch's "now"; false leaves the row for the next run
     * @return how many rows this run handled
     */
    public int sweep(String table, String idColumn, String dueColumn, BiPredicate<UUID, Instant> handle) {
        String select = "select " + idColumn + " from " + table + " where " + dueColumn + " <= ?1 order by "
                + dueColumn + " limit ?2 for update skip locked";
        long start = System.nanoTime();
        int total = 0;
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(() -> sweepBatch(select, handle));
            total += handled;
        } while (handled == BATCH); // fewer: nothing more is due, or the rest is busy and waits for the next run
        // each run's duration and rows, by the table it sweeps: a sweep that takes ever longer is falling behind
        registry.timer("rapport.sweep.duration", "table", table).record(System.nanoTime() - start,
                TimeUnit.NANOSECONDS);
        registry.counter("rapport.sweep.rows", "table", table).increment(total);
        return total;
    }

    private int sweepBatch(String select, BiPredicate<UUID, Instant> handle) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery(select, UUID.class)
                .setParameter(1, now).setParameter(2, BATCH)
                .getResultList();
        int handled = 0;
        for (UUID id : due) {
            if (handle.test(id, now)) {
                handled++;
            }
            // done with this row: a session that keeps every row makes each later query's flush check them all
            // again (the rows stay locked until the batch commits)
            entityManager.flush();
            entityManager.clear();
        }
        return handled;
    }
}

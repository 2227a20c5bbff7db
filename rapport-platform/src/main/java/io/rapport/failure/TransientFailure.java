package io.rapport.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that passes by itself (the database restarting or unreachable, a lock or serialization conflict)
 * from one that will happen again however often the work is retried. A request that meets the first is answered 503
 * with Retry-After, and an event that meets it waits and is applied later; only the second is a server error or a
 * dead letter. A slow statement (a timeout) is not transient here: the same work would time out again.
 */
public final class TransientFailure {

    /**
     * PostgreSQL's SQLSTATEs for a connection that failed or could not be made (08000-08006), a server shutting down,
     * crashing or starting (57P01-57P03), too many connections or out of memory (53300, 53200), serialization failures
     * and deadlocks (40001, 40P01) and a lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08000", "08001", "08003", "08004", "08006",
            "57P01", "57P02", "57P03", "53300", "53200", "40001", "40P01", "55P03");

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        // the causes and what was suppressed along the way: a transaction manager attaches a failed commit's
        // SQLException as a suppressed exception, not as the cause
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (passes(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return false;
    }

    private static boolean passes(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLRecoverableException
                || failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            if (sql.getSQLState() != null && TRANSIENT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            // the pool waited in vain for a connection: the database is away or overwhelmed
            return sql.getMessage() != null && sql.getMessage().toLowerCase().contains("acquisition timeout");
        }
        return false;
    }
}

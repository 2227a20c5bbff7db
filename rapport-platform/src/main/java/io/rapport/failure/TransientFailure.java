package io.rapport.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that passes by itself (the database restarting or unreachable, a lock or serialization conflict, a
 * broker away) from one that will happen again however often the work is retried. A request that meets the first
 * is answered 503 with Retry-After, and an event that meets it waits and is applied later; only the second is a
 * server error or a dead letter.
 */
public final class TransientFailure {

    /**
     * SQLSTATE classes and codes of PostgreSQL that describe the moment, not the work: connection exceptions (08),
     * insufficient resources (53), operator intervention such as a shutdown or a restart (57P01-57P05), serialization
     * failures and deadlocks (40001, 40P01), a lock not available (55P03) and a statement cancelled by a timeout (57014).
     */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "53", "57P", "40001", "40P01", "55P03",
            "57014");

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException || cause instanceof RetriableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase().contains("acquisition timeout")) {
                return true; // the pool waited in vain for a connection: the database is away or overwhelmed
            }
        }
        return false;
    }
}

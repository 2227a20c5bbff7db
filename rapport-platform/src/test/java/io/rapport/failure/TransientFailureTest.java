package io.rapport.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class TransientFailureTest {

    @Test
    void aDatabaseAwayOrBusyPasses() {
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("terminating connection due to "
                + "administrator command", "57P01")))).isTrue();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("too many clients", "53300")))).isTrue();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(TransientFailure.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
        // a commit that failed: the transaction manager attaches the cause as suppressed
        IllegalStateException rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(TransientFailure.isTransient(rollback)).isTrue();
    }

    @Test
    void whatWouldFailAgainDoesNotPass() {
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("invalid byte sequence", "22021"))))
                .isFalse();
        assertThat(TransientFailure.isTransient(new NullPointerException())).isFalse();
        // a statement too slow once is too slow again
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("canceling statement due to statement "
                + "timeout", "57014")))).isFalse();
        // a cycle of causes ends
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        assertThat(TransientFailure.isTransient(first)).isFalse();
    }

    private static PersistenceException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }
}

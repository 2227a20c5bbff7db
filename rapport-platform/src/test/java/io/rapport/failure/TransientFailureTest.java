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
    }

    @Test
    void whatWouldFailAgainDoesNotPass() {
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailure.isTransient(wrapped(new SQLException("invalid byte sequence", "22021"))))
                .isFalse();
        assertThat(TransientFailure.isTransient(new NullPointerException())).isFalse();
    }

    private static PersistenceException wrapped(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }
}

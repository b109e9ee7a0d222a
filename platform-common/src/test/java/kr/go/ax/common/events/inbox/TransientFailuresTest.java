package kr.go.ax.common.events.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void databaseConnectionLossIsWaitedOut() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertTrue(TransientFailures.isTransient(new RuntimeException("wrapped", refused)));
    }

    @Test
    void databaseRestartIsWaitedOut() {
        assertTrue(TransientFailures.isTransient(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void deadlockIsWaitedOut() {
        assertTrue(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void poolTimeoutWithoutStateIsWaitedOut() {
        assertTrue(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void constraintViolationIsTheEventsOwnFault() {
        assertFalse(TransientFailures.isTransient(new SQLException("null value in column", "23502")));
    }

    @Test
    void unreadableDataIsTheEventsOwnFault() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("unreadable data")));
    }
}

package kr.go.ax.common.events.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells failures of the infrastructure, which pass by themselves, from failures of an event's content. */
final class TransientFailures {
    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLaterException) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08 connection, 53 insufficient resources, 57 operator intervention (restart), 40 rollback
                // (serialization failure, deadlock); no state: the pool could not hand out a connection.
                if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("40")) {
                    return true;
                }
            }
            if (t instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }

    static boolean isRetryLater(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLaterException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

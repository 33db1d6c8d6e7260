package uk.cdr.config;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being away (restarting, unreachable, out of connections)
 * rather than a fault in the request: the answer is then 503 "try again shortly", never a 500.
 * The connection pool reconnects by itself once the database is back.
 */
public final class DatabaseOutage {

    public static final String MESSAGE = "The database is unavailable for a moment. Nothing was saved; try again shortly.";

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // The connection died under an open transaction: its commit or rollback fails without an SQL state.
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
            // 08: connection exceptions; 57P01-03: the server is shutting down or starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

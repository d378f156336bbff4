package chat.plume.platform;

import java.sql.SQLException;

/** Tells a broken database constraint from other database failures, portably (SQLState class 23). */
public final class Constraints {

    private Constraints() {}

    /** Whether the failure is an integrity constraint violation (unique key, foreign key, check). */
    public static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A driver's batched write (JDBC batching, e.g. PostgreSQL's) may report the
            // statement that failed as the next exception of the batch's own.
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    return true;
                }
            }
        }
        return false;
    }
}

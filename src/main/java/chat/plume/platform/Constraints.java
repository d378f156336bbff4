package chat.plume.platform;

import java.sql.SQLException;

/** Tells a broken database constraint from other database failures, portably (SQLState class 23). */
public final class Constraints {

    private Constraints() {}

    /** Whether the failure is an integrity constraint violation (unique key, foreign key, check). */
    public static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}

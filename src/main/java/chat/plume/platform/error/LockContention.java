package chat.plume.platform.error;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/**
 * Whether a failure was a database lock that could not be had in time: nothing was stored, and
 * the caller may simply try again ({@code busy}). Here, so that the parts that answer clients
 * (REST, WebSocket) need not know the persistence API.
 *
 * <p>Hibernate turns a lock timeout into the JPA exceptions; EclipseLink does not always (it may
 * report a plain {@code PersistenceException} around the driver's error), so the driver's
 * SQLState is recognised too: H2's {@code HYT00} (lock timeout) and {@code 40001} (deadlock),
 * PostgreSQL's {@code 55P03} ({@code lock_timeout} reached) and {@code 40P01} (deadlock).
 */
public final class LockContention {

    private LockContention() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && lockState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean lockState(String state) {
        return "HYT00".equals(state) || "40001".equals(state) || "55P03".equals(state) || "40P01".equals(state);
    }
}

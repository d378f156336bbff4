package chat.plume.platform.error;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Whether a failure was a database lock that could not be had in time: nothing was stored, and
 * the caller may simply try again ({@code busy}). Here, so that the parts that answer clients
 * (REST, WebSocket) need not know the persistence API.
 */
public final class LockContention {

    private LockContention() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }
}

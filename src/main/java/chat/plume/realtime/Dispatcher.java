package chat.plume.realtime;

import java.util.Collection;

/**
 * Pushes a frame to every connection of the given users. Callers hand it only what has been
 * committed (observe events {@code during = AFTER_SUCCESS}). It never blocks on a connection.
 *
 * <p>{@link LocalDispatcher} reaches this node's connections; the clustered dispatcher that
 * also publishes to the other nodes over Jakarta Messaging arrives with the scale-out work and
 * implements this same interface.
 */
public interface Dispatcher {

    void toUser(long accountId, Object frame);

    void toUsers(Collection<Long> accountIds, Object frame);

    /** Pushes a frame to every connection there is (an announcement to all). */
    void toEveryone(Object frame);

    /**
     * Pushes a frame to one connection of one user (a call's signalling goes to the device in the
     * call, not to the person's other devices); nothing when that connection is gone.
     */
    void toConnection(long accountId, String connectionId, Object frame);
}

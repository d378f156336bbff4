package chat.plume.realtime;

import chat.plume.identity.boundary.Sessions;
import chat.plume.platform.events.PresenceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The life of a connection: opening (welcome frame first, then registration and presence) and
 * closing (unregistration and presence), whichever side ends it.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    @Inject
    ConnectionRegistry registry;

    @Inject
    Dispatcher dispatcher;

    @Inject
    ConnectionLifecycle lifecycle;

    @Inject
    GatewaySettings settings;

    @Inject
    Sessions sessions;

    public void open(Connection connection) {
        var caller = connection.caller();
        // Queued before the connection is registered, so nothing pushed can overtake it, and
        // written only once it is: a client that has read its welcome misses no push made after
        // (a test, or a page, acting on the welcome used to race the registration and lose one).
        // (Released only once registered: if that failed, the container closes the session and no
        // welcome promises a connection that is not there.)
        connection.hold();
        connection.send(new Frames.Welcome(
                new Frames.Me(
                        caller.accountId(),
                        caller.username(),
                        caller.role().name().toLowerCase(Locale.ROOT)),
                connection.id(),
                settings));
        boolean cameOnline = registry.add(connection);
        connection.release();
        LOG.fine(() -> "Connection " + connection.id() + " opened for account " + caller.accountId());
        lifecycle.opened(connection, cameOnline);
        // A sign-out that committed between the handshake and the registration above found no
        // connection to close; look once more now that the connection can be found.
        if (!sessions.isLive(caller.sessionId())) {
            drop(connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed_out"));
            return;
        }
        if (cameOnline) {
            dispatcher.toUser(caller.accountId(), new PresenceChanged(caller.accountId(), true).frame());
        }
        announceDevices(caller.accountId());
    }

    /**
     * The container reports that the connection has ended. It may report it on a thread that
     * holds its own lock on this connection's writer (Tyrus, on Payara, closes from inside a write
     * that failed), while a thread of ours writing to this connection waits for that lock; what
     * follows a close takes Plume's locks and writes to the person's other connections, so it runs
     * apart. (Run in place, it once left every HTTP thread of a Payara server waiting: two threads
     * each held what the other wanted, and every later handshake queued behind them.)
     */
    public void endedByContainer(Connection connection) {
        connection.endedThen(() -> closed(connection));
    }

    /**
     * The connection has ended; safe to call more than once, from any thread (inside another
     * transaction's completion too: what follows a close runs on {@link ConnectionLifecycle}'s
     * threads).
     */
    public void closed(Connection connection) {
        if (!connection.retire()) {
            return;
        }
        boolean wentOffline = registry.remove(connection);
        LOG.fine(() -> "Connection " + connection.id() + " closed");
        lifecycle.closed(connection, wentOffline);
        if (!wentOffline) {
            announceDevices(connection.accountId());
        }
    }

    /** Like {@link #drop}, but the frames already queued (the errors explaining why) go out first. */
    public void dropAfterFlush(Connection connection, CloseReason reason) {
        try {
            closed(connection);
        } finally {
            connection.closeWhenFlushed(reason);
        }
    }

    /** Ends a connection from the server's side: unregistered first, so presence never waits on the peer. */
    public void drop(Connection connection, CloseReason reason) {
        try {
            closed(connection);
        } finally {
            connection.close(reason);
        }
    }

    /**
     * Counting and queueing happen under a per-user lock: otherwise a count taken before another
     * tab opened could be queued after the newer count, and the page would show a stale number.
     * The frames are written once the lock is released ({@link DeferredWrites}).
     */
    private void announceDevices(long accountId) {
        DeferredWrites.around(() -> {
            synchronized (DEVICE_LOCKS[(int) (accountId & (DEVICE_LOCKS.length - 1))]) {
                int count = registry.connectionsOf(accountId).size();
                if (count > 0) {
                    dispatcher.toUser(accountId, new Frames.Devices(count));
                }
            }
        });
    }

    private static final Object[] DEVICE_LOCKS = new Object[64];

    static {
        for (int i = 0; i < DEVICE_LOCKS.length; i++) {
            DEVICE_LOCKS[i] = new Object();
        }
    }
}

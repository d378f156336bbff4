package chat.plume.realtime;

import chat.plume.platform.events.ConnectionClosed;
import chat.plume.platform.events.ConnectionOpened;
import chat.plume.platform.events.PresenceChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Tells the features what happened to connections: a person came online or went offline
 * ({@link PresenceChanged}), one device connected or disconnected ({@link ConnectionOpened},
 * {@link ConnectionClosed}).
 *
 * <p>The events are fired on the managed executor, never on the thread that opened or closed the
 * connection. That thread may be finishing another transaction (a sign-out closes connections
 * after its commit, where the transaction is no longer usable), an I/O thread, or the heartbeat;
 * observers (friends' presence queries the database) must not depend on which. Events of one
 * person are fired one at a time and in order (a lane per person, by account id); presence is
 * coalesced: the status fired is the registry's when the event runs, so a burst of reconnects is
 * one announcement and the last one is always right.
 *
 * <p>Bounded by construction: at most one presence announcement per person and two events per
 * connection wait at any time.
 */
@ApplicationScoped
public class ConnectionLifecycle {

    private static final Logger LOG = Logger.getLogger(ConnectionLifecycle.class.getName());
    private static final int LANES = 8;
    /** Far above two per connection: the process cannot hold this many sockets open. */
    private static final int LANE_CAPACITY = 1 << 20;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ConnectionRegistry registry;

    @Inject
    Event<PresenceChanged> presence;

    @Inject
    Event<ConnectionOpened> opened;

    @Inject
    Event<ConnectionClosed> closed;

    private final Set<Long> presencePending = ConcurrentHashMap.newKeySet();
    private final SerialExecutor[] lanes = new SerialExecutor[LANES];
    private volatile boolean stopped;

    @PostConstruct
    void start() {
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new SerialExecutor(executor, LANE_CAPACITY);
        }
    }

    /**
     * The application is stopping: what still waits would run against stopped components. Nothing
     * is lost by dropping it; the next start treats every connection as gone (calls' sweep of
     * vanished devices, presence from an empty registry).
     */
    @PreDestroy
    void stop() {
        // First refuse new events (sockets keep closing while the application stops), then drop
        // what waits.
        stopped = true;
        for (SerialExecutor lane : lanes) {
            lane.clear();
        }
        presencePending.clear();
    }

    /** A connection was registered; {@code cameOnline} when it is its person's first. */
    public void opened(Connection connection, boolean cameOnline) {
        long account = connection.accountId();
        if (cameOnline) {
            presenceMayHaveChanged(account);
        }
        // The event is made now, so the lane holds ids, never the connection: a queue behind a
        // slow database (a person reconnecting in a loop) must not keep closed sockets' sessions
        // and endpoints alive until it drains.
        ConnectionOpened event = new ConnectionOpened(account, connection.id());
        run(account, () -> opened.fire(event));
    }

    /** A connection was unregistered; {@code wentOffline} when it was its person's last. */
    public void closed(Connection connection, boolean wentOffline) {
        long account = connection.accountId();
        ConnectionClosed event = new ConnectionClosed(account, connection.id());
        run(account, () -> closed.fire(event));
        if (wentOffline) {
            presenceMayHaveChanged(account);
        }
    }

    private void presenceMayHaveChanged(long account) {
        if (presencePending.add(account)) {
            run(account, () -> {
                // Removed before reading: a change after this point queues a fresh announcement.
                presencePending.remove(account);
                presence.fire(new PresenceChanged(account, registry.isOnline(account)));
            });
        }
    }

    private void run(long account, Runnable event) {
        if (stopped) {
            return;
        }
        if (!lanes[(int) Math.floorMod(account, (long) LANES)].offer(event)) {
            LOG.warning(() -> "Connection events of account " + account + " dropped: the lane is full");
        }
    }
}

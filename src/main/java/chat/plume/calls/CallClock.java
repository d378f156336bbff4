package chat.plume.calls;

import chat.plume.platform.metrics.Metrics;
import chat.plume.realtime.ConnectionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks, every second, at the calls whose deadline has passed ({@link CallTimeouts}): the ring
 * timeout, the connect timeout, a lost device's grace; and every five seconds for devices in a
 * call that have no connection any more (a connection is one node's: with several nodes each
 * will check the devices it holds, see the scale-out issue). The deadlines are in the database, so a
 * restarted node (or any node of several) carries on where another left off; one indexed query a
 * second costs next to nothing when no call is due.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallClock {

    private static final Logger LOG = Logger.getLogger(CallClock.class.getName());
    static final long INTERVAL_MILLIS = 1_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CallTimeouts timeouts;

    @Inject
    Metrics metrics;

    @Inject
    CallStatistics statistics;

    @Inject
    ConnectionRegistry registry;

    /** Every how many sweeps the devices in calls are checked against the open connections. */
    static final int VANISHED_EVERY = 5;

    /** Sweeps so far; only the scheduler's one task touches it. */
    private long sweeps;

    private ScheduledFuture<?> task;
    /** Only the scheduler's one task touches it. */
    private boolean failing;

    @PostConstruct
    void start() {
        metrics.gauge("plume.calls.active", "Calls ringing or in progress (all nodes)", statistics::live);
        task = scheduler.scheduleWithFixedDelay(this::sweep, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One look at every call due; one call failing does not keep the others waiting. */
    void sweep() {
        try {
            // At the first sweep too: after a restart no device of any call is connected.
            if (sweeps++ % VANISHED_EVERY == 0) {
                // Each in its own transaction, like every other call change.
                for (CallTimeouts.Device lost : timeouts.vanished(registry::isConnected)) {
                    timeouts.deviceLost(lost.account(), lost.device());
                }
            }
            for (long callId : timeouts.due()) {
                try {
                    timeouts.lookAt(callId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Looking at call " + callId + " failed; retrying in a second", e);
                }
            }
            failing = false;
        } catch (RuntimeException e) {
            // Logged once until it works again: while the database is down this fails every second.
            if (!failing) {
                LOG.log(Level.WARNING, "Looking for calls due failed; retrying every second", e);
            }
            failing = true;
        }
    }
}

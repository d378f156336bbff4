package chat.plume.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps connections honest. Every interval the server pings each connection; browsers answer
 * pings by themselves. A connection from which nothing (no pong, no frame) has been heard for
 * the timeout is dropped, so a client that vanished without closing goes offline within
 * timeout + interval at the latest. A connection whose sign-in session has expired is closed
 * with 1008 {@code unauthenticated} at the next beat.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ConnectionRegistry registry;

    @Inject
    Gateway gateway;

    @Inject
    GatewaySettings settings;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long interval = settings.heartbeatInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    void beat() {
        long timeout = settings.heartbeatTimeout().toNanos();
        Instant now = Instant.now();
        for (Connection connection : registry.all()) {
            // One connection's failure must neither skip the others nor cancel the schedule (a
            // periodic task that throws never runs again).
            try {
                if (connection.silentForNanos() > timeout) {
                    LOG.fine(() -> "Connection " + connection.id() + " timed out");
                    gateway.drop(connection, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "heartbeat_timeout"));
                } else if (!now.isBefore(connection.caller().expiresAt())) {
                    gateway.drop(
                            connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthenticated"));
                } else {
                    connection.ping();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Heartbeat failed for connection " + connection.id(), e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

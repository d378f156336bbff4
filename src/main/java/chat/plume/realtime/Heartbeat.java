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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps connections honest. Every interval the server pings each connection; browsers answer
 * pings by themselves. A connection from which nothing (no pong, no frame) has been heard for
 * the timeout is dropped, so a client that vanished without closing goes offline within
 * timeout + interval at the latest.
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
        try {
            for (Connection connection : registry.all()) {
                if (connection.silentForNanos() > timeout) {
                    LOG.fine(() -> "Connection " + connection.id() + " timed out");
                    gateway.drop(connection, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "heartbeat_timeout"));
                } else {
                    connection.ping();
                }
            }
        } catch (RuntimeException e) {
            // One bad beat must not cancel the schedule (a periodic task that throws never runs again).
            LOG.log(Level.WARNING, "Heartbeat failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

package chat.plume.realtime;

import chat.plume.platform.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The gateway's figures: connections and people online now (gauges read when scraped), frames
 * in and out by type, and the server's closes by reason.
 */
@ApplicationScoped
public class RealtimeMetrics implements ConnectionListener {

    @Inject
    Metrics metrics;

    @Inject
    ConnectionRegistry registry;

    /** Made when the application starts, so that the gauges exist before the first connection. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {}

    @PostConstruct
    void register() {
        metrics.gauge("plume.connections", "WebSocket connections open on this node", registry::connectionCount);
        metrics.gauge("plume.people.online", "People with at least one connection on this node", registry::onlineCount);
    }

    @Override
    public void sent(Object frame) {
        metrics.framesOut(FrameTypes.of(frame), 1);
    }

    @Override
    public void closed(String reason) {
        metrics.connectionClosed(reason == null || reason.isEmpty() ? "none" : reason);
    }

    /** A push encoded once and queued on {@code connections} connections. */
    void pushed(Object frame, int connections) {
        if (connections == 0) {
            return;
        }
        String type = FrameTypes.of(frame);
        metrics.framesOut(type, connections);
        if (type.equals("message")) {
            metrics.messagesDelivered(connections);
        }
    }

    /** An open refused because too many came at once: closed 1013 {@code overloaded}. */
    void openRefused() {
        metrics.connectionClosed("overloaded");
    }

    void received(String type) {
        metrics.framesIn(type);
    }
}

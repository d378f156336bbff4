package chat.plume.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place that maps a frame's {@code type} to its handler. Every failure becomes an error
 * frame naming the request: a bad frame never closes the connection, and never reaches anyone
 * else.
 */
@ApplicationScoped
public class FrameRouter {

    @Inject
    Instance<FrameHandlers> discovered;

    @Inject
    FrameCodec codec;

    @Inject
    Gateway gateway;

    @Inject
    FrameFailures failures;

    private final Map<String, FrameHandler> handlers = new HashMap<>();

    @PostConstruct
    void index() {
        for (FrameHandlers feature : discovered) {
            feature.handlers().forEach((type, handler) -> {
                if (handlers.putIfAbsent(type, handler) != null) {
                    throw new IllegalStateException("Two handlers for frame type " + type);
                }
            });
        }
    }

    /**
     * Flood control, on arrival: whether the frame may be queued at all. A flood is refused
     * before anything else, malformed frames included, so it costs the flooder only; a client
     * that keeps flooding is closed.
     */
    public boolean admit(Connection connection) {
        if (connection.admitFrame()) {
            return true;
        }
        if (connection.framesRefusedInARow() > GatewaySettings.FLOOD_CLOSE_AFTER) {
            gateway.dropAfterFlush(connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "rate_limited"));
        } else {
            connection.send(new Frames.Error(null, "rate_limited", "Too many frames; slow down."));
        }
        return false;
    }

    /** Decodes an admitted frame and hands it to its handler; every failure is answered with an error frame. */
    public void route(Connection connection, String text) {
        InboundFrame frame;
        try {
            frame = codec.decode(text);
        } catch (MalformedFrameException e) {
            connection.send(new Frames.Error(e.id(), e.code(), e.getMessage()));
            return;
        }
        FrameHandler handler = handlers.get(frame.type());
        if (handler == null) {
            connection.send(new Frames.Error(frame.id(), "unknown_type", "Unknown frame type."));
            return;
        }
        try {
            handler.handle(connection, frame);
        } catch (RuntimeException e) {
            failures.answer(connection, frame.type(), frame.id(), e);
        }
    }
}

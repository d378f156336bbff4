package chat.plume.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place that maps a frame's {@code type} to its handler. Every failure becomes an error
 * frame naming the request: a bad frame never closes the connection, and never reaches anyone
 * else.
 */
@ApplicationScoped
public class FrameRouter {

    @Inject
    RealtimeMetrics metrics;

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
        discovered.forEach(this::add);
    }

    /** Takes a feature's frame types; two features may not claim one type. */
    void add(FrameHandlers feature) {
        feature.handlers().forEach((type, handler) -> {
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException("Two handlers for frame type " + type);
            }
        });
    }

    /**
     * Takes a whole frame from the client: flood control first, on arrival (a flood is refused
     * before anything else, malformed frames included, so it costs the flooder only; a client
     * that keeps flooding is closed), then the connection's queue (refused with {@code busy}
     * while the server is backlogged). A refusal names the request when its id can be read
     * without parsing.
     */
    public void receive(Connection connection, String text, Consumer<String> handler) {
        if (!connection.admitFrame()) {
            // Answered either way; a client that keeps flooding then also loses the connection.
            connection.send(new Frames.Error(FrameScan.requestId(text), "rate_limited", "Too many frames; slow down."));
            if (connection.framesRefusedInARow() > GatewaySettings.FLOOD_CLOSE_AFTER) {
                gateway.dropAfterFlush(
                        connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "rate_limited"));
            }
            return;
        }
        if (!connection.receive(text, handler)) {
            connection.send(new Frames.Error(FrameScan.requestId(text), "busy", "The server is busy; try again."));
        }
    }

    /**
     * Decodes an admitted frame and hands it to its handler. Every outcome is answered: a frame
     * that cannot be decoded with an error naming what could be read of it, a handler's failure
     * with the error frame for it, never silence.
     */
    public void route(FrameContext connection, String text) {
        InboundFrame frame;
        try {
            frame = codec.decode(text);
        } catch (MalformedFrameException e) {
            metrics.received("invalid");
            connection.reply(new Frames.Error(e.id(), e.code(), e.getMessage()));
            return;
        }
        FrameHandler handler = handlers.get(frame.type());
        // Only types Plume knows become labels: a client cannot add series.
        metrics.received(handler == null ? "unknown" : frame.type());
        if (handler == null) {
            connection.reply(new Frames.Error(frame.id(), "unknown_type", "Unknown frame type."));
            return;
        }
        try {
            handler.handle(connection, frame);
        } catch (RuntimeException | Error e) {
            failures.answer(connection, frame.type(), frame.id(), e);
        }
    }
}

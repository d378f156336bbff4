package chat.plume.realtime;

import chat.plume.platform.error.PlumeException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that maps a frame's {@code type} to its handler. Every failure becomes an error
 * frame naming the request: a bad frame never closes the connection, and never reaches anyone
 * else.
 */
@ApplicationScoped
public class FrameRouter {

    private static final Logger LOG = Logger.getLogger(FrameRouter.class.getName());

    @Inject
    Instance<FrameHandlers> discovered;

    @Inject
    FrameCodec codec;

    @Inject
    Gateway gateway;

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

    public void route(Connection connection, String text) {
        if (!connection.admitFrame()) {
            // Refused before anything else, malformed frames included: a flood costs the flooder only.
            if (connection.framesRefusedInARow() > GatewaySettings.FLOOD_CLOSE_AFTER) {
                gateway.dropAfterFlush(connection, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "rate_limited"));
            } else {
                connection.send(new Frames.Error(null, "rate_limited", "Too many frames; slow down."));
            }
            return;
        }
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
        } catch (PlumeException e) {
            connection.send(new Frames.Error(frame.id(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            PlumeException known = unwrap(e);
            if (known != null) {
                connection.send(new Frames.Error(frame.id(), known.code(), known.getMessage()));
                return;
            }
            if (lockContention(e)) {
                // Many writers on one conversation: nothing was stored; the client retries (same id).
                connection.send(new Frames.Error(frame.id(), "busy", "The server is busy; try again."));
                return;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Frame handler for " + frame.type() + " failed, incident " + incident, e);
            connection.send(new Frames.Error(frame.id(), "internal_error",
                    "Something went wrong on our side (incident " + incident + ")."));
        }
    }

    private static boolean lockContention(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** An EJB boundary may hand a business refusal back wrapped; find it. */
    private static PlumeException unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PlumeException known) {
                return known;
            }
        }
        return null;
    }
}

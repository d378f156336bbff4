package chat.plume.realtime;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.Sessions;
import chat.plume.platform.error.DatabaseOutage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws}: the one WebSocket of a browser tab or client. Thin on purpose: it turns the
 * handshake's verdict into a connection, and hands every frame to the {@link FrameRouter}.
 * One instance per connection (the portable default).
 */
@ServerEndpoint(value = "/ws", configurator = HandshakeAuthenticator.class)
public class GatewayEndpoint {

    private static final Logger LOG = Logger.getLogger(GatewayEndpoint.class.getName());

    @Inject
    Gateway gateway;

    @Inject
    FrameRouter router;

    @Inject
    FrameCodec codec;

    @Inject
    GatewaySettings settings;

    @Inject
    Sessions sessions;

    @Inject
    FrameFailures failures;

    @Inject
    RealtimeMetrics metrics;

    @Inject
    Admission admission;

    @Resource
    ManagedExecutorService executor;

    private Connection connection;
    private FrameAssembler assembler;
    private Consumer<String> handleFrame;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        if (Boolean.TRUE.equals(config.getUserProperties().get(HandshakeAuthenticator.ORIGIN_REFUSED))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden_origin"));
            return;
        }
        Object token = config.getUserProperties().get(HandshakeAuthenticator.TOKEN);
        Caller authenticated;
        try {
            authenticated = token instanceof String t ? sessions.authenticate(t).orElse(null) : null;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // The session cannot be checked while the database is away: not the client's fault.
            DatabaseOutage.report(e);
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "unavailable"));
            return;
        }
        if (authenticated == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthenticated"));
            return;
        }
        // After the session check (one indexed read), so that opens without a valid session
        // cannot use up the places of those with one.
        OptionalInt refused = admission.admit();
        if (refused.isPresent()) {
            metrics.openRefused();
            session.close(
                    new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, Admission.reason(refused.getAsInt())));
            return;
        }
        // Advisory only (neither Undertow nor Tyrus enforces these): the FrameAssembler does.
        session.setMaxTextMessageBufferSize(settings.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(1024);
        // Liveness is the heartbeat's job; the container's idle timer would only race it.
        session.setMaxIdleTimeout(0);
        connection = new Connection(
                session,
                authenticated,
                codec,
                executor,
                settings.outboxLimit(),
                new TokenBucket(settings.framesPerSecond(), settings.frameBurst()));
        connection.listenedBy(metrics);
        assembler = new FrameAssembler(settings.maxFrameBytes());
        FrameContext context = new ConnectionContext(connection, failures);
        handleFrame = frame -> router.route(context, frame);
        gateway.open(connection);
    }

    /**
     * Text arrives in parts, as the container reads it, so that a frame over the limit is refused
     * (1009) before it is held in memory; the container calls this one part at a time per connection.
     */
    @OnMessage
    public void text(String part, boolean last) {
        if (connection == null || assembler == null) {
            return;
        }
        connection.heard();
        String frame;
        try {
            frame = assembler.add(part, last);
        } catch (FrameAssembler.TooLarge tooLarge) {
            assembler = null;
            gateway.drop(connection, new CloseReason(CloseReason.CloseCodes.TOO_BIG, "frame_too_large"));
            return;
        }
        if (frame != null) {
            router.receive(connection, frame, handleFrame);
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        if (connection != null) {
            connection.heard();
        }
    }

    /** Binary frames are not part of the protocol; refused at their first part, never buffered. */
    @OnMessage
    public void binary(ByteBuffer part, boolean last, Session session) throws IOException {
        if (connection != null) {
            assembler = null;
            gateway.drop(connection, new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "binary_not_supported"));
        } else if (session.isOpen()) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "binary_not_supported"));
        }
    }

    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            gateway.endedByContainer(connection);
        }
    }

    /**
     * Resets and broken pipes are a client's everyday life (FINE); anything else is a failure of
     * ours or of the container and is logged as one. The container closes the session next.
     */
    @OnError
    public void error(Throwable failure) {
        String where = connection == null ? "an unopened connection" : "connection " + connection.id();
        if (failure instanceof IOException) {
            LOG.log(Level.FINE, "WebSocket I/O error on " + where, failure);
        } else {
            LOG.log(Level.WARNING, "WebSocket failure on " + where, failure);
        }
    }
}

package chat.plume.realtime;

import chat.plume.identity.boundary.Caller;
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

    @Resource
    ManagedExecutorService executor;

    private Connection connection;
    private Consumer<String> handleFrame;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        if (Boolean.TRUE.equals(config.getUserProperties().get(HandshakeAuthenticator.ORIGIN_REFUSED))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden_origin"));
            return;
        }
        Object caller = config.getUserProperties().get(HandshakeAuthenticator.CALLER);
        if (!(caller instanceof Caller authenticated)) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthenticated"));
            return;
        }
        session.setMaxTextMessageBufferSize(settings.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(1024);
        // Liveness is the heartbeat's job; the container's idle timer would only race it.
        session.setMaxIdleTimeout(0);
        connection = new Connection(session, authenticated, codec, executor, settings.outboxLimit(),
                new TokenBucket(settings.framesPerSecond(), settings.frameBurst()));
        handleFrame = frame -> router.route(connection, frame);
        gateway.open(connection);
    }

    @OnMessage
    public void text(String text) {
        if (connection == null) {
            return;
        }
        connection.heard();
        if (router.admit(connection)) {
            connection.receive(text, handleFrame);
        }
    }

    @OnMessage
    public void pong(PongMessage pong) {
        if (connection != null) {
            connection.heard();
        }
    }

    @OnMessage
    public void binary(ByteBuffer data, Session session) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "binary_not_supported"));
    }

    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            gateway.closed(connection);
        }
    }

    @OnError
    public void error(Throwable failure) {
        // Oversized frames, resets and timeouts land here; the container closes the session next.
        LOG.log(Level.FINE, "WebSocket error on " + (connection == null ? "unopened connection" : connection.id()),
                failure);
    }
}

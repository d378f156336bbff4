package chat.plume.realtime;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code ping} → {@code pong}. Browsers cannot send WebSocket pings, so the page uses this to
 * notice a dead connection from its own side.
 */
@ApplicationScoped
public class PingHandler implements FrameHandler {

    @Override
    public String type() {
        return "ping";
    }

    @Override
    public void handle(Connection connection, InboundFrame frame) {
        connection.send(new Frames.Pong(frame.id()));
    }
}

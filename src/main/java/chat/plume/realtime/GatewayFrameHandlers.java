package chat.plume.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The gateway's own frames: {@code ping} → {@code pong}. Browsers cannot send WebSocket pings,
 * so the page uses this to notice a dead connection from its own side.
 */
@ApplicationScoped
public class GatewayFrameHandlers implements FrameHandlers {

    @Override
    public Map<String, FrameHandler> handlers() {
        return Map.of("ping", (connection, frame) -> connection.reply(new Frames.Pong(frame.id())));
    }
}

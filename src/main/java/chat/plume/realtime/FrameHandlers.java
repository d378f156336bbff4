package chat.plume.realtime;

import java.util.Map;

/**
 * A feature's frame types and their handlers. Features implement it as a CDI bean;
 * {@link FrameRouter} collects every implementation at startup, so adding a frame type needs no
 * change in the gateway.
 */
public interface FrameHandlers {

    /** Frame {@code type} → its handler. */
    Map<String, FrameHandler> handlers();
}

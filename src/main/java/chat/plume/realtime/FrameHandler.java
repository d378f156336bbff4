package chat.plume.realtime;

/**
 * Handles one type of client frame. Features implement it as a CDI bean; {@link FrameRouter}
 * finds every implementation at startup, so adding a frame type needs no change here.
 *
 * <p>A handler reads its fields from the frame, calls its feature's boundary with the
 * connection's authenticated caller, and answers through the connection. Throwing a
 * {@code PlumeException} answers with an error frame carrying its code.
 */
public interface FrameHandler {

    /** The {@code type} this handler answers, e.g. {@code "send"}. */
    String type();

    void handle(Connection connection, InboundFrame frame);
}

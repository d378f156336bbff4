package chat.plume.realtime;

/**
 * Handles one type of client frame: reads its fields from the frame, calls its feature's
 * boundary with the connection's authenticated caller, and answers through the connection.
 * Throwing a {@code PlumeException} answers with an error frame carrying its code.
 */
@FunctionalInterface
public interface FrameHandler {

    void handle(FrameContext connection, InboundFrame frame);
}

package chat.plume.realtime;

/**
 * What a {@link Connection} reports as it works, for the node's figures: each frame it queues
 * for its client, and its close by the server with the reason it gave.
 */
public interface ConnectionListener {

    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void sent(Object frame) {}

        @Override
        public void closed(String reason) {}
    };

    /** A frame object was queued for the client (pushes encoded once are counted where they are sent). */
    void sent(Object frame);

    /** The server closed the connection, giving this reason (e.g. {@code slow_consumer}). */
    void closed(String reason);
}

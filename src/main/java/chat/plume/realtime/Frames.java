package chat.plume.realtime;

/**
 * The frames the gateway itself sends. Features define their own frame records next to their
 * code; every frame is a JSON object whose {@code type} says what it is (docs/protocol.md).
 */
public final class Frames {

    /** The protocol version in the {@code welcome} frame; raised on incompatible changes. */
    public static final int PROTOCOL_VERSION = 1;

    private Frames() {}

    /** The first frame on every connection: who the client is and how the connection is kept alive. */
    public record Welcome(
            String type, int protocol, Me user, String connection, long heartbeatIntervalMs, long heartbeatTimeoutMs) {

        public Welcome(Me user, String connection, GatewaySettings settings) {
            this(
                    "welcome",
                    PROTOCOL_VERSION,
                    user,
                    connection,
                    settings.heartbeatInterval().toMillis(),
                    settings.heartbeatTimeout().toMillis());
        }
    }

    /** The connection's user, as far as the gateway knows it (the profile comes from REST). */
    public record Me(long id, String username, String role) {}

    /** The answer to a client's {@code ping}. */
    public record Pong(String type, String id) {
        public Pong(String id) {
            this("pong", id);
        }
    }

    /** A refused request: {@code id} names it (null when the frame could not be read at all). */
    public record Error(String type, String id, String code, String message) {
        public Error(String id, String code, String message) {
            this("error", id, code, message);
        }
    }

    /** How many connections (tabs, devices) this user has open right now, this one included. */
    public record Devices(String type, int count) {
        public Devices(int count) {
            this("devices", count);
        }
    }
}

package chat.plume.realtime;

import chat.plume.platform.Settings;
import java.time.Duration;

/**
 * The gateway's knobs (see the README's configuration table).
 *
 * @param maxFrameBytes the largest text frame a client may send; larger ones close the connection (1009)
 * @param heartbeatInterval how often the server pings every connection
 * @param heartbeatTimeout how long a connection may stay silent (no pong, no frame) before it is closed
 * @param outboxLimit how many frames may wait for a slow connection before it is closed (1013)
 * @param framesPerSecond the sustained rate of frames a client may send
 * @param frameBurst how many frames a client may send at once above that rate
 */
public record GatewaySettings(
        int maxFrameBytes,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        int outboxLimit,
        int framesPerSecond,
        int frameBurst) {

    /** Refused frames in a row after which a flooding client is closed with 1008 {@code rate_limited}. */
    public static final int FLOOD_CLOSE_AFTER = 20;

    public static GatewaySettings fromConfiguration() {
        Duration interval = Settings.seconds("plume.ws.heartbeat-interval-seconds", 25, 1, 3600);
        Duration timeout = Settings.seconds("plume.ws.heartbeat-timeout-seconds", 60, 2, 7200);
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalStateException("plume.ws.heartbeat-timeout-seconds must be longer than the interval");
        }
        return new GatewaySettings(
                Settings.integer("plume.ws.max-frame-bytes", 64 * 1024, 1024, 16 * 1024 * 1024),
                interval,
                timeout,
                Settings.integer("plume.ws.outbox-limit", 1000, 10, 1_000_000),
                Settings.integer("plume.ws.frames-per-second", 20, 1, 100_000),
                Settings.integer("plume.ws.frame-burst", 40, 1, 1_000_000));
    }
}

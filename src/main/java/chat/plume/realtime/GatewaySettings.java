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
 */
public record GatewaySettings(int maxFrameBytes, Duration heartbeatInterval, Duration heartbeatTimeout,
        int outboxLimit) {

    public static GatewaySettings fromConfiguration() {
        Duration interval = Settings.seconds("plume.ws.heartbeat-interval-seconds", 25, 1, 3600);
        Duration timeout = Settings.seconds("plume.ws.heartbeat-timeout-seconds", 60, 2, 7200);
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalStateException("plume.ws.heartbeat-timeout-seconds must be longer than the interval");
        }
        return new GatewaySettings(
                Settings.integer("plume.ws.max-frame-bytes", 64 * 1024, 1024, 16 * 1024 * 1024),
                interval, timeout,
                Settings.integer("plume.ws.outbox-limit", 1000, 10, 1_000_000));
    }
}

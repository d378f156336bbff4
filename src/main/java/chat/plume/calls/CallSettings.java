package chat.plume.calls;

import chat.plume.platform.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The knobs of calls (README, "Configuration"; docs/calls.md).
 *
 * @param ringTimeout how long a call rings before it is {@code missed}
 * @param connectTimeout how long an answered call may take to connect its media before it {@code failed}
 * @param rejoinGrace how long a participant whose connection vanished may take to come back on a
 *     new connection before they are {@code dropped}
 * @param groupLimit how many people may be in one group call at once (a mesh: each sends to every other)
 * @param stunUrls STUN servers handed to browsers
 * @param turnUrls TURN servers handed to browsers, with credentials made from {@code turnSecret}
 * @param turnSecret the secret shared with the TURN server ({@code static-auth-secret} of coturn's
 *     {@code use-auth-secret}); null when there is no TURN server
 * @param turnCredentialLifetime how long a TURN credential handed out for a call stays valid
 */
public record CallSettings(
        Duration ringTimeout,
        Duration connectTimeout,
        Duration rejoinGrace,
        int groupLimit,
        List<String> stunUrls,
        List<String> turnUrls,
        String turnSecret,
        Duration turnCredentialLifetime) {

    public static CallSettings fromConfiguration() {
        List<String> turn = Settings.list("plume.calls.turn-urls");
        String secret = Settings.lookup("plume.calls.turn-secret").orElse(null);
        if (!turn.isEmpty() && secret == null) {
            throw new IllegalStateException(
                    "plume.calls.turn-urls is set but plume.calls.turn-secret is not (PLUME_CALLS_TURN_SECRET)");
        }
        for (String url : turn) {
            requireScheme(url, "turn:", "turns:");
        }
        List<String> stun = Settings.list("plume.calls.stun-urls");
        for (String url : stun) {
            requireScheme(url, "stun:", "stuns:");
        }
        return new CallSettings(
                Settings.seconds("plume.calls.ring-timeout-seconds", 45, 2, 600),
                Settings.seconds("plume.calls.connect-timeout-seconds", 30, 2, 600),
                Settings.seconds("plume.calls.rejoin-grace-seconds", 15, 1, 600),
                Settings.integer("plume.calls.group-limit", 6, 2, 16),
                stun,
                turn,
                secret,
                Settings.seconds("plume.calls.turn-credential-seconds", 12 * 3600, 60, 7 * 24 * 3600));
    }

    /** Never the secret: settings may be printed (a log line, a debugger). */
    @Override
    public String toString() {
        return "CallSettings[ringTimeout=" + ringTimeout + ", connectTimeout=" + connectTimeout + ", rejoinGrace="
                + rejoinGrace + ", groupLimit=" + groupLimit + ", stunUrls=" + stunUrls + ", turnUrls=" + turnUrls
                + ", turnSecret=" + (turnSecret == null ? "none" : "(set)") + ", turnCredentialLifetime="
                + turnCredentialLifetime + "]";
    }

    private static void requireScheme(String url, String... schemes) {
        for (String scheme : schemes) {
            if (url.startsWith(scheme)) {
                return;
            }
        }
        throw new IllegalStateException("ICE server URL " + url + " must start with " + String.join(" or ", schemes));
    }
}

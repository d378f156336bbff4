package chat.plume.admin.ops;

import chat.plume.platform.Settings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who may scrape {@code /metrics}: a client whose address is in
 * {@code plume.metrics.allowed-addresses} (addresses and CIDR ranges, comma-separated; default
 * loopback only), or one that sends {@code Authorization: Bearer} with
 * {@code plume.metrics.token} (best given as {@code PLUME_METRICS_TOKEN}; none by default).
 * The figures say how busy the node is and who is online how often: not for everyone. A
 * request that came through a proxy ({@code Forwarded} or {@code X-Forwarded-For}) is not let in
 * by its address: behind a local proxy every request would look like loopback.
 */
final class MetricsAccess {

    private final List<AddressRange> allowed;
    private final Optional<byte[]> token;

    MetricsAccess(List<String> addresses, Optional<String> token) {
        this.allowed = addresses.stream().map(AddressRange::parse).toList();
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    static MetricsAccess fromSettings() {
        List<String> addresses = Settings.list("plume.metrics.allowed-addresses");
        return new MetricsAccess(
                addresses.isEmpty() ? List.of("127.0.0.1", "::1") : addresses, Settings.lookup("plume.metrics.token"));
    }

    /**
     * A request through a proxy says where it came from only in headers anyone can write, and
     * its address is the proxy's (often loopback): such a request needs the token.
     */
    boolean allows(String remoteAddress, String authorization, boolean forwarded) {
        if (forwarded) {
            return allows(null, authorization);
        }
        return allows(remoteAddress, authorization);
    }

    boolean allows(String remoteAddress, String authorization) {
        if (token.isPresent() && authorization != null && authorization.startsWith("Bearer ")) {
            byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
            // Constant time: the comparison says nothing about how much of the token was right.
            if (MessageDigest.isEqual(given, token.get())) {
                return true;
            }
        }
        return allowed.stream().anyMatch(range -> range.contains(remoteAddress));
    }
}

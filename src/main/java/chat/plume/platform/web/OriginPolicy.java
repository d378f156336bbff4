package chat.plume.platform.web;

import chat.plume.platform.Settings;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a browser request from a given {@code Origin} may act on this server.
 *
 * <p>Same origin is always allowed: the origin's host and port equal the request's
 * {@code Host}. That comparison ignores the scheme on purpose, so that it still holds behind a
 * TLS-terminating proxy that forwards plain HTTP. Other origins are allowed only when listed
 * in {@code plume.allowed-origins} ({@code PLUME_ALLOWED_ORIGINS}), comma-separated, exactly as
 * browsers send them ({@code https://chat.example.com}).
 *
 * <p>A request without an {@code Origin} is not a cross-site browser request (browsers always
 * send it on WebSocket handshakes and on non-GET fetches) and is allowed: non-browser clients
 * authenticate with a bearer token, which a foreign page cannot obtain.
 */
public final class OriginPolicy {

    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    public static OriginPolicy fromConfiguration() {
        return new OriginPolicy(Settings.list("plume.allowed-origins"));
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        if (host == null || normalized.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(normalized);
            String authority = uri.getRawAuthority();
            return authority != null
                    && uri.getRawPath().isEmpty()
                    && authority.equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package chat.plume.identity.boundary;

import chat.plume.platform.web.SessionCookie;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a session token travels: the {@code Authorization: Bearer} header (API clients) or the
 * HttpOnly {@code plume_session} cookie (the browser page). The header wins when both are
 * present. Shared by REST and the WebSocket handshake so that both accept exactly the same.
 */
public final class SessionCredentials {

    public static final String COOKIE = SessionCookie.NAME;
    private static final String BEARER = "bearer ";

    private SessionCredentials() {}

    /**
     * @param authorization the Authorization header, or null
     * @param cookieHeaders every Cookie header value of the request
     */
    public static Optional<String> token(String authorization, Iterable<String> cookieHeaders) {
        if (authorization != null
                && authorization.length() > BEARER.length()
                && authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        if (cookieHeaders != null) {
            for (String header : cookieHeaders) {
                for (String pair : header.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)) {
                        return Optional.of(pair.substring(eq + 1).strip()).filter(v -> !v.isEmpty());
                    }
                }
            }
        }
        return Optional.empty();
    }
}

package chat.plume.platform.web;

/**
 * The name of the browser's session cookie, here so that the request filters (which know no
 * feature) and {@code identity} (which issues it) agree on it.
 */
public final class SessionCookie {

    public static final String NAME = "plume_session";

    private SessionCookie() {}

    /** Whether a {@code Cookie} header value carries the session cookie (with any value). */
    public static boolean isIn(String cookieHeader) {
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                return true;
            }
        }
        return false;
    }
}

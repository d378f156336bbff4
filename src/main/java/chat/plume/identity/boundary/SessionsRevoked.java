package chat.plume.identity.boundary;

import java.util.Set;

/**
 * Fired when sign-in sessions end before their time (sign-out, sign-out everywhere, password
 * change, a ban, an administrator's force sign-out). Observed after commit by {@code realtime},
 * which closes the WebSocket connections that were opened with those sessions, giving
 * {@code reason} as the close reason so the page can say why.
 *
 * @param reason {@link #SIGNED_OUT}, {@link #BANNED} or {@link #PASSWORD_RESET}
 */
public record SessionsRevoked(long accountId, Set<Long> sessionIds, String reason) {

    /** The person or an administrator ended the session. */
    public static final String SIGNED_OUT = "signed_out";

    /** The account was banned. */
    public static final String BANNED = "banned";

    /** The password was reset with a link mailed to the account's address. */
    public static final String PASSWORD_RESET = "password_reset";

    public SessionsRevoked(long accountId, Set<Long> sessionIds) {
        this(accountId, sessionIds, SIGNED_OUT);
    }
}

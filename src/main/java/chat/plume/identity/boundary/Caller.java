package chat.plume.identity.boundary;

import chat.plume.identity.entity.Role;
import chat.plume.platform.error.AccessDeniedException;
import java.security.Principal;
import java.time.Instant;

/**
 * The authenticated user behind a request or a WebSocket connection, resolved from the session
 * token by {@link Sessions#authenticate}. Every boundary takes identity from here, never from a
 * field the client sends.
 *
 * @param accountId the account
 * @param username the account's username (as registered)
 * @param role the account's role when the session was resolved
 * @param sessionId the sign-in session the request came with (for sign-out of this device)
 * @param expiresAt when that session expires (a WebSocket opened with it is closed then)
 * @param secondFactor whether the session was opened (or stepped up) with a second factor
 * @param verifiedAt when the session last checked a credential (sensitive actions need it recent)
 * @param bot whether the account is a bot's (bots may not start conversations with strangers)
 */
public record Caller(
        long accountId,
        String username,
        Role role,
        long sessionId,
        Instant expiresAt,
        boolean secondFactor,
        Instant verifiedAt,
        boolean bot)
        implements Principal {

    /** A caller whose session had no second factor and checked its credential when it began. */
    public Caller(long accountId, String username, Role role, long sessionId, Instant expiresAt) {
        this(accountId, username, role, sessionId, expiresAt, false, Instant.EPOCH, false);
    }

    /** A bot acting inside Plume (the assistants, a hook, a reply to an event), not through a session of its own. */
    public static Caller bot(long accountId, String username) {
        return new Caller(accountId, username, Role.USER, -1, Instant.MAX, false, Instant.EPOCH, true);
    }

    /** 403 {@code bot_forbidden} for a bot: what only people may do (start a friendship, make bots …). */
    public void refuseBot() {
        if (bot) {
            throw new AccessDeniedException("bot_forbidden", "Bots cannot do this.");
        }
    }

    @Override
    public String getName() {
        return username;
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.entity.Role;
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
 */
public record Caller(long accountId, String username, Role role, long sessionId, Instant expiresAt)
        implements Principal {

    @Override
    public String getName() {
        return username;
    }
}

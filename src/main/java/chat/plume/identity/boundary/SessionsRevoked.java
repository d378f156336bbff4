package chat.plume.identity.boundary;

import java.util.Set;

/**
 * Fired when sign-in sessions end before their time (sign-out, sign-out everywhere, password
 * change). Observed after commit by {@code realtime}, which closes the WebSocket connections
 * that were opened with those sessions.
 */
public record SessionsRevoked(long accountId, Set<Long> sessionIds) {}

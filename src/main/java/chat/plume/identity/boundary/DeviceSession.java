package chat.plume.identity.boundary;

import java.time.Instant;

/** One signed-in device as its owner sees it in "where am I signed in". */
public record DeviceSession(
        long id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, boolean current) {}

package chat.plume.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Plume stores every timestamp as a UTC {@link LocalDateTime} (portable across JPA providers,
 * unlike {@code Instant}) and shows it as an {@link Instant} on the wire.
 */
public final class Timestamps {

    private Timestamps() {}

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    public static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

package chat.plume.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Plume stores every timestamp as a UTC {@link LocalDateTime} (portable across JPA providers,
 * unlike {@code Instant}) and shows it as an {@link Instant} on the wire.
 */
public final class Timestamps {

    private Timestamps() {}

    /**
     * Now, to the microsecond: what both databases store. A value kept in memory (and shown on
     * the wire) equals the stored one, so a time read from an answer finds its row again.
     */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}

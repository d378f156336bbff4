package chat.plume.identity.control;

import chat.plume.platform.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts attempts per key in fixed windows, in memory. {@link #reserve} checks and counts in one
 * atomic step, so that many attempts sent at once cannot all slip past the limit before any of
 * them is counted; an attempt that turns out fine can be given back ({@link #refund}).
 */
public class AttemptWindows {

    /** Above this many tracked keys, expired windows are swept on the next reservation. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;
    private final Duration length;
    private final String code;

    public AttemptWindows(Clock clock, int limit, Duration length, String code) {
        this.clock = clock;
        this.limit = limit;
        this.length = length;
        this.code = code;
    }

    /**
     * Counts an attempt, or refuses with 429 when the key has used up its window. Returns true
     * when this attempt was the window's last one (the next is refused unless this one succeeds).
     */
    public boolean reserve(String key) {
        Instant now = clock.instant();
        AtomicReference<Window> refused = new AtomicReference<>();
        windows.compute(key, (k, current) -> {
            if (current == null || current.endsBefore(now)) {
                return new Window(now.plus(length), 1);
            }
            if (current.attempts >= limit) {
                refused.set(current);
                return current;
            }
            return new Window(current.end, current.attempts + 1);
        });
        if (refused.get() != null) {
            throw new RateLimitedException(
                    code, Duration.between(now, refused.get().end), "Too many attempts. Try again later.");
        }
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> w.endsBefore(now));
        }
        Window after = windows.get(key);
        return after != null && after.attempts >= limit;
    }

    /** Forgets every window that has ended; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        int before = windows.size();
        windows.values().removeIf(w -> w.endsBefore(now));
        return Math.max(0, before - windows.size());
    }

    /** Gives one attempt back (it went well and should not count). */
    public void refund(String key) {
        windows.computeIfPresent(
                key, (k, current) -> current.attempts <= 1 ? null : new Window(current.end, current.attempts - 1));
    }

    /** Forgets the key's attempts altogether. */
    public void clear(String key) {
        windows.remove(key);
    }

    private record Window(Instant end, int attempts) {
        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }
    }
}

package chat.plume.identity.control;

import chat.plume.platform.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account (username, whether or not it exists, so that throttling
 * reveals nothing) and per client address, in fixed windows. Once either count reaches its
 * limit, sign-ins for that account or from that address are refused until the window ends,
 * even with the right password: that is what stops guessing.
 *
 * <p>Per node and in memory: a restart forgets, and in a cluster each node counts on its own
 * (an attacker spread over N nodes gets N times the attempts, still bounded).
 */
public class SignInThrottle {

    /** Above this many tracked keys, expired windows are swept on the next failure. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public SignInThrottle(Clock clock, int perAccount, int perAddress, Duration window) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Refuses with {@code too_many_attempts} when the account or the address is locked out. */
    public void check(String accountKey, String address) {
        Instant now = clock.instant();
        refuseIfLocked("account:" + accountKey, perAccount, now);
        refuseIfLocked("address:" + address, perAddress, now);
    }

    public void recordFailure(String accountKey, String address) {
        Instant now = clock.instant();
        count("account:" + accountKey, now);
        count("address:" + address, now);
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> w.endsBefore(now));
        }
    }

    /** A successful sign-in clears the account's count; the address's count stays. */
    public void recordSuccess(String accountKey) {
        windows.remove("account:" + accountKey);
    }

    private void refuseIfLocked(String key, int limit, Instant now) {
        Window current = windows.get(key);
        if (current != null && !current.endsBefore(now) && current.failures >= limit) {
            throw new RateLimitedException("too_many_attempts", Duration.between(now, current.end),
                    "Too many failed sign-ins. Try again later.");
        }
    }

    private void count(String key, Instant now) {
        windows.compute(key, (k, current) -> current == null || current.endsBefore(now)
                ? new Window(now.plus(window), 1)
                : new Window(current.end, current.failures + 1));
    }

    private record Window(Instant end, int failures) {
        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }
    }
}

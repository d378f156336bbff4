package chat.plume.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again: the first wait, doubled after each failure up to a
 * ceiling, with "equal jitter" (half fixed, half random) so that many senders that failed
 * together do not come back together; and how many attempts to make in all.
 */
public record Backoff(Duration first, Duration ceiling, int maxAttempts) {

    public Backoff {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= ceiling and at least one attempt");
        }
    }

    /** The wait after {@code attempts} failed attempts, or empty: give up. */
    public Optional<Duration> after(int attempts, RandomGenerator random) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = Math.min(ceiling.toMillis(), first.toMillis() << doublings);
        long half = millis / 2;
        return Optional.of(Duration.ofMillis(half + random.nextLong(half + 1)));
    }
}

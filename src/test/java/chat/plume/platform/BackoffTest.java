package chat.plume.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 6);

    @Test
    void eachWaitDoublesUpToTheCeilingWithHalfOfItRandom() {
        SplittableRandom random = new SplittableRandom(7);
        long[] ceilings = {30_000, 60_000, 120_000, 240_000, 480_000};
        for (int attempts = 1; attempts <= 5; attempts++) {
            long ceiling = ceilings[attempts - 1];
            for (int i = 0; i < 200; i++) {
                long wait = backoff.after(attempts, random).orElseThrow().toMillis();
                assertThat(wait).isBetween(ceiling / 2, ceiling);
            }
        }
        Backoff capped = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(1), 100);
        assertThat(capped.after(40, random).orElseThrow()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void afterTheLastAttemptItGivesUp() {
        assertThat(backoff.after(5, new SplittableRandom(1))).isPresent();
        assertThat(backoff.after(6, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

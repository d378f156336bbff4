package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.platform.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, 3, 5, Duration.ofMinutes(15));

    @Test
    void anAccountIsLockedAfterItsLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.reserve("alice", "10.0.0." + i);
        }
        assertThatThrownBy(() -> throttle.reserve("alice", "10.9.9.9"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo("too_many_attempts");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15));
                });
        assertThatNoException().isThrownBy(() -> throttle.reserve("bob", "10.0.0.1"));

        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThatNoException().isThrownBy(() -> throttle.reserve("alice", "10.9.9.9"));
    }

    @Test
    void anAddressIsLockedAfterItsLimitWhateverTheAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.reserve("user" + i, "192.0.2.7");
        }
        assertThatThrownBy(() -> throttle.reserve("someone-new", "192.0.2.7")).isInstanceOf(RateLimitedException.class);
        // The refused attempt did not count against the account.
        throttle.reserve("someone-new", "192.0.2.8");
        throttle.reserve("someone-new", "192.0.2.8");
        assertThatNoException().isThrownBy(() -> throttle.reserve("someone-new", "192.0.2.9"));
    }

    @Test
    void successClearsTheAccountAndGivesTheAddressItsAttemptBack() {
        throttle.reserve("carol", "198.51.100.1");
        throttle.reserve("carol", "198.51.100.1");
        throttle.reserve("carol", "198.51.100.1");
        throttle.succeeded("carol", "198.51.100.1");
        throttle.reserve("carol", "198.51.100.1");
        throttle.reserve("carol", "198.51.100.1");
        assertThatNoException().isThrownBy(() -> throttle.reserve("dave", "198.51.100.1"));
        assertThatThrownBy(() -> throttle.reserve("erin", "198.51.100.1")).isInstanceOf(RateLimitedException.class);
    }
}

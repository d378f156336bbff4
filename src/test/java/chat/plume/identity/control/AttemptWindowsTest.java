package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.platform.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AttemptWindowsTest {

    @Test
    void attemptsSentAllAtOnceCannotSlipPastTheLimit() throws Exception {
        AttemptWindows windows = new AttemptWindows(Clock.systemUTC(), 5, Duration.ofMinutes(1), "too_many");
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                pool.execute(() -> {
                    try {
                        start.await();
                        windows.reserve("victim");
                        admitted.incrementAndGet();
                    } catch (RateLimitedException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(admitted).hasValue(5);
        assertThat(refused).hasValue(threads - 5);
    }

    @Test
    void aRefundedAttemptCanBeUsedAgain() {
        AttemptWindows windows = new AttemptWindows(Clock.systemUTC(), 1, Duration.ofMinutes(1), "too_many");
        windows.reserve("k");
        windows.refund("k");
        windows.reserve("k");
        assertThat(Assertions.catchThrowable(() -> windows.reserve("k"))).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aSweepForgetsExactlyTheWindowsThatEnded() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        AttemptWindows windows = new AttemptWindows(clock, 3, Duration.ofMinutes(1), "too_many");
        windows.reserve("old-1");
        windows.reserve("old-2");
        clock.now = clock.now.plusSeconds(45);
        windows.reserve("recent");
        clock.now = clock.now.plusSeconds(30);
        assertThat(windows.sweep()).isEqualTo(2);
        assertThat(windows.sweep()).isZero();
        // The window still running kept its count: two more attempts, then the third is refused.
        windows.reserve("recent");
        windows.reserve("recent");
        assertThat(Assertions.catchThrowable(() -> windows.reserve("recent"))).isInstanceOf(RateLimitedException.class);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

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
}

package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOneAtATimeInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, 10_000);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            assertThat(serial.offer(() -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.add(n);
                        running.decrementAndGet();
                        done.countDown();
                    }))
                    .isTrue();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(seen).isSorted().hasSize(1000);
    }

    @Test
    void refusesPastItsCapacityAndTakesMoreOnceDrained() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        SerialExecutor serial = new SerialExecutor(pool, 3);
        serial.offer(() -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(serial.offer(() -> {})).isTrue();
        assertThat(serial.offer(() -> {})).isTrue();
        assertThat(serial.offer(() -> {})).isTrue();
        assertThat(serial.offer(() -> {})).as("a fourth waiting task").isFalse();
        CountDownLatch after = new CountDownLatch(1);
        release.countDown();
        while (!serial.offer(after::countDown)) {
            Thread.onSpinWait();
        }
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool, 10);
        CountDownLatch after = new CountDownLatch(1);
        serial.offer(() -> {
            throw new IllegalStateException("boom");
        });
        serial.offer(after::countDown);
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRefusingExecutorDropsTheQueueRatherThanWedgingIt() {
        SerialExecutor serial = new SerialExecutor(
                task -> {
                    throw new RejectedExecutionException("shutting down");
                },
                10);
        assertThat(serial.offer(() -> {})).isTrue();
        assertThat(serial.waiting()).isZero();
        assertThat(serial.offer(() -> {})).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package chat.plume.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds (or takes what another thread hands over) before a deadline: the tests' only way to wait. */
public final class Await {

    private Await() {}

    /** The next element of {@code queue} (filled by another thread), waiting up to {@code timeout}. */
    public static <T> T next(java.util.concurrent.BlockingQueue<T> queue, Duration timeout, String what) {
        try {
            T next = queue.poll(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}

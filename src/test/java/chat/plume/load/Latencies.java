package chat.plume.load;

import java.util.Arrays;

/** End-to-end latencies in microseconds; kept whole (8 bytes each) so that percentiles are exact. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    /** p50, p95, p99 and max, in microseconds (zeros when nothing was recorded). */
    synchronized long[] summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new long[] {
            percentile(sorted, 0.50),
            percentile(sorted, 0.95),
            percentile(sorted, 0.99),
            sorted.length == 0 ? 0 : sorted[sorted.length - 1]
        };
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

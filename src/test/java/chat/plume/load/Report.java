package chat.plume.load;

/**
 * What a traffic run measured. Rates run from the start of traffic to the last acknowledgement
 * (persisted messages/s) and to the last delivery (deliveries/s); latency is measured at the
 * recipients, from the send to the push, on one clock.
 */
record Report(
        String scenario,
        long sent,
        long acknowledged,
        long delivered,
        long expected,
        long lost,
        long duplicated,
        long reordered,
        long errors,
        double persistedPerSecond,
        double deliveredPerSecond,
        long p50Micros,
        long p95Micros,
        long p99Micros,
        long maxMicros)
        implements Scenario.Outcome {

    @Override
    public boolean clean() {
        return lost == 0 && duplicated == 0 && reordered == 0;
    }

    @Override
    public String toString() {
        return String.format(
                "%s sent=%d acked=%d delivered=%d/%d lost=%d duplicated=%d reordered=%d errors=%d"
                        + " persisted=%.0f/s delivered=%.0f/s latency p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                scenario,
                sent,
                acknowledged,
                delivered,
                expected,
                lost,
                duplicated,
                reordered,
                errors,
                persistedPerSecond,
                deliveredPerSecond,
                p50Micros / 1000.0,
                p95Micros / 1000.0,
                p99Micros / 1000.0,
                maxMicros / 1000.0);
    }
}

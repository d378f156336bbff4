package chat.plume.admin.dashboard;

import java.time.Instant;
import java.util.Map;

/**
 * The node's figures over one sampling interval: gauges as read at its end, counters as rates.
 * Rates per second for messages, per minute for the rarer events. {@code openReports} is the
 * report queue's length (the same on every node; -1 when the database did not answer);
 * {@code activeCalls} the calls ringing or in progress (also counted in the database: every node's).
 */
public record Sample(
        Instant at,
        String node,
        int connections,
        int online,
        int activeCalls,
        double sentPerSecond,
        double deliveredPerSecond,
        double refusedPerSecond,
        Map<String, Double> refusedByReason,
        double signInsPerMinute,
        double failedSignInsPerMinute,
        double uploadsPerMinute,
        double slowConsumerClosesPerMinute,
        double floodClosesPerMinute,
        double writerQueueDepth,
        double writerBatchMean,
        double heapUsedBytes,
        double heapMaxBytes,
        double gcMillisPerSecond,
        double dbPoolInUse,
        double dbPoolWaitMillis,
        long openReports) {}

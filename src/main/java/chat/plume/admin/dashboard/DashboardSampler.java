package chat.plume.admin.dashboard;

import chat.plume.platform.metrics.Metrics;
import chat.plume.platform.metrics.NodeName;
import chat.plume.reports.Reports;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Samples the node's figures every five seconds into a ring of the last {@value #KEPT} samples
 * (20 minutes) for the dashboard, and hands each new one to the live streams. The figures come
 * from the same registry {@code /metrics} writes, so the console and Prometheus never disagree.
 * Sampling is per node (a timer that is not persistent: a missed tick is just a gap) and reads
 * memory, except the report queue's length — one indexed count with a one-second query
 * timeout; a database that does not answer costs a sample its count (-1) and, at worst, the
 * pool's wait for a connection; every sample names its node.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DashboardSampler {

    static final int KEPT = 240;

    @Inject
    Metrics metrics;

    @Inject
    DashboardStreams streams;

    @Inject
    Reports reports;

    private final ArrayDeque<Sample> samples = new ArrayDeque<>(KEPT);
    private final Jsonb json = JsonbBuilder.create();
    private Map<String, Double> previous = Map.of();
    private long previousNanos = System.nanoTime();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        Sample sample = take();
        synchronized (samples) {
            if (samples.size() == KEPT) {
                samples.removeFirst();
            }
            samples.addLast(sample);
        }
        streams.publish(json.toJson(sample));
    }

    /** The samples kept, oldest first. */
    public List<Sample> history() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private Sample take() {
        MeterRegistry registry = metrics.registry();
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - previousNanos) / 1e9);
        Map<String, Double> totals = new HashMap<>();
        totals.put("sent", sum(registry, "plume.messages.sent", null, null));
        totals.put("delivered", sum(registry, "plume.messages.delivered", null, null));
        totals.put("refused", sum(registry, "plume.messages.refused", null, null));
        totals.put("signIns", sum(registry, "plume.sign.ins", "outcome", "success"));
        totals.put(
                "failedSignIns",
                sum(registry, "plume.sign.ins", "outcome", "failure")
                        + sum(registry, "plume.sign.ins", "outcome", "throttled"));
        totals.put("uploads", sum(registry, "plume.uploads", null, null));
        totals.put("slowConsumer", sum(registry, "plume.ws.closes", "reason", "slow_consumer"));
        totals.put("flood", sum(registry, "plume.ws.closes", "reason", "rate_limited"));
        DistributionSummary batch = registry.find("plume.writer.batch.size").summary();
        totals.put("batchCount", batch == null ? 0 : (double) batch.count());
        totals.put("batchTotal", batch == null ? 0 : batch.totalAmount());
        totals.put("gcMillis", gcMillis(registry));
        Map<String, Double> refusedByReason = new TreeMap<>();
        for (Counter c : registry.find("plume.messages.refused").counters()) {
            String reason = c.getId().getTag("reason");
            double delta = c.count() - previous.getOrDefault("refused:" + reason, 0.0);
            totals.put("refused:" + reason, c.count());
            if (delta > 0) {
                refusedByReason.put(reason, delta / seconds);
            }
        }
        double batches = delta(totals, "batchCount");
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Sample sample = new Sample(
                Instant.now(),
                NodeName.get(),
                (int) gauge(registry, "plume.connections"),
                (int) gauge(registry, "plume.people.online"),
                (int) finite(gauge(registry, "plume.calls.active")),
                delta(totals, "sent") / seconds,
                delta(totals, "delivered") / seconds,
                delta(totals, "refused") / seconds,
                refusedByReason,
                delta(totals, "signIns") * 60 / seconds,
                delta(totals, "failedSignIns") * 60 / seconds,
                delta(totals, "uploads") * 60 / seconds,
                delta(totals, "slowConsumer") * 60 / seconds,
                delta(totals, "flood") * 60 / seconds,
                gauge(registry, "plume.writer.queue.depth"),
                batches == 0 ? 0 : delta(totals, "batchTotal") / batches,
                heap.getUsed(),
                heap.getMax() < 0 ? heap.getCommitted() : heap.getMax(),
                delta(totals, "gcMillis") / seconds,
                finite(gauge(registry, "plume.db.pool.in.use")),
                finite(gauge(registry, "plume.db.pool.wait.average.seconds") * 1000),
                openReports());
        previous = totals;
        previousNanos = now;
        return sample;
    }

    /** The report queue's length, for the console's badge; -1 while the database does not answer. */
    private long openReports() {
        try {
            return reports.openCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private double delta(Map<String, Double> totals, String key) {
        return Math.max(0, totals.get(key) - previous.getOrDefault(key, totals.get(key)));
    }

    private static double sum(MeterRegistry registry, String name, String tag, String value) {
        var search = tag == null ? registry.find(name) : registry.find(name).tag(tag, value);
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double gauge(MeterRegistry registry, String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static double gcMillis(MeterRegistry registry) {
        return registry.find("jvm.gc.pause").timers().stream()
                .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                .sum();
    }

    /** JSON has no NaN: a figure the server does not publish is sent as -1 ("not known"). */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : -1;
    }
}

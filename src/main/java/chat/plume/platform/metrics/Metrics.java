package chat.plume.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plume's figures, in one Micrometer registry that {@code /metrics} writes in the Prometheus text
 * format. The features count through the methods here (they know nothing of Micrometer's
 * names); the meters are made once and kept, so a count on the hot path is a map lookup and an
 * add. Every label takes values from a closed set (frame types, error codes, routes, outcomes),
 * so the number of series stays bounded whatever clients send. Every series carries the
 * {@code node} label.
 */
@ApplicationScoped
public class Metrics {

    /** Frame types past this many distinct values count as {@code other}: a client cannot add series. */
    private static final int MAX_LABEL_VALUES = 200;

    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private Counter messagesSent;
    private Counter uploadBytes;
    private DistributionSummary writerBatch;
    private DistributionSummary callDuration;

    /** Figures outside a container (unit tests, tools): the same registry, started by hand. */
    public static Metrics started() {
        Metrics metrics = new Metrics();
        metrics.start();
        return metrics;
    }

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("node", NodeName.get());
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        messagesSent = Counter.builder("plume.messages.sent")
                .description("Messages stored (acknowledged to their sender)")
                .register(registry);
        // Made now rather than at first use, so that a scrape shows them (at 0) from the start.
        counter("plume.messages.delivered", "Message frames pushed to connections");
        uploadBytes = Counter.builder("plume.upload.bytes")
                .description("Bytes uploaded")
                .baseUnit("bytes")
                .register(registry);
        callDuration = DistributionSummary.builder("plume.calls.duration")
                .description("How long calls were answered for")
                .baseUnit("seconds")
                .serviceLevelObjectives(10, 30, 60, 300, 900, 1800, 3600, 7200)
                .register(registry);
        writerBatch = DistributionSummary.builder("plume.writer.batch.size")
                .description("Sends stored per writer transaction")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** The registry, for {@code /metrics} and the dashboard's sampler. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Registers a gauge read when scraped (e.g. connections open now). */
    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value)
                .description(description)
                .register(registry);
    }

    public void messageSent() {
        messagesSent.increment();
    }

    /** Messages pushed to connections (one per connection that got it). */
    public void messagesDelivered(int connections) {
        counter("plume.messages.delivered", "Message frames pushed to connections")
                .increment(connections);
    }

    /** A send refused, by its error code. */
    public void messageRefused(String code) {
        counter("plume.messages.refused", "Sends refused, by error code", "reason", code)
                .increment();
    }

    public void framesIn(String type) {
        counter("plume.ws.frames.received", "WebSocket frames received, by type", "type", type)
                .increment();
    }

    public void framesOut(String type, int count) {
        counter("plume.ws.frames.sent", "WebSocket frames sent, by type", "type", type)
                .increment(count);
    }

    /** A connection closed by the server, by close reason ({@code slow_consumer}, {@code rate_limited} …). */
    public void connectionClosed(String reason) {
        counter("plume.ws.closes", "Connections closed by the server, by reason", "reason", reason)
                .increment();
    }

    /** A sign-in attempt: {@code success}, {@code failure} (wrong credentials), {@code throttled}, {@code banned}. */
    public void signIn(String outcome) {
        counter("plume.sign.ins", "Sign-in attempts, by outcome", "outcome", outcome)
                .increment();
    }

    public void upload(String kind, long bytes) {
        counter("plume.uploads", "Uploads stored, by kind", "kind", kind).increment();
        uploadBytes.increment(bytes);
    }

    /** A call was placed: {@code voice} or {@code video}, {@code direct} or {@code group}. */
    public void callStarted(String media, String kind) {
        // Both values come from closed sets (CallMedia, direct/group): a client cannot add series.
        counters.computeIfAbsent(
                        "plume.calls.started\u0000" + media + '\u0000' + kind,
                        k -> Counter.builder("plume.calls.started")
                                .description("Calls placed, by media and kind")
                                .tags("media", media, "kind", kind)
                                .register(registry))
                .increment();
    }

    /** A call ended, by reason, after being answered for {@code duration} (null: never answered). */
    public void callEnded(String reason, java.time.Duration duration) {
        counter("plume.calls.ended", "Calls ended, by reason", "reason", reason).increment();
        if (duration != null) {
            callDuration.record(duration.toMillis() / 1000.0);
        }
    }

    /** A mail sending attempt, by kind ({@code verify_email} …) and outcome ({@code sent}, {@code retry}, {@code failed}). */
    public void mail(String kind, String outcome) {
        // Both from closed sets written in code: the kinds are the features' own constants.
        counters.computeIfAbsent(
                        "plume.mails\u0000" + kind + '\u0000' + outcome,
                        k -> Counter.builder("plume.mails")
                                .description("Mail sending attempts, by kind and outcome")
                                .tags("kind", kind, "outcome", outcome)
                                .register(registry))
                .increment();
    }

    public void writerBatch(int size) {
        writerBatch.record(size);
    }

    /** One HTTP request, by method, route template and status. */
    public void httpRequest(String method, String route, int status, long nanos) {
        // Only the methods the API has: any other word a client sends counts as OTHER.
        String m = KNOWN_METHODS.contains(method) ? method : "OTHER";
        String key = m + ' ' + route + ' ' + status;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.size() >= MAX_LABEL_VALUES * 4
                    ? timers.computeIfAbsent("OTHER other 0", k -> timer("OTHER", "other", 0))
                    : timers.computeIfAbsent(key, k -> timer(m, route, status));
        }
        timer.record(Duration.ofNanos(nanos));
    }

    /** Ten fixed buckets (5 ms to 10 s) per series, not Micrometer's seventy-odd: series stay few. */
    private Timer timer(String method, String route, int status) {
        return Timer.builder("plume.http.server.requests")
                .description("HTTP requests, by method, route and status")
                .tags(Tags.of("method", method, "route", route, "status", Integer.toString(status)))
                .serviceLevelObjectives(
                        Duration.ofMillis(5),
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(2500),
                        Duration.ofSeconds(10))
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return counters.computeIfAbsent(
                name, k -> Counter.builder(name).description(description).register(registry));
    }

    private Counter counter(String name, String description, String label, String value) {
        String key = name + '\u0000' + value;
        Counter counter = counters.get(key);
        if (counter != null) {
            return counter;
        }
        String bounded = counters.size() >= MAX_LABEL_VALUES * 8 ? "other" : value;
        return counters.computeIfAbsent(
                name + '\u0000' + bounded,
                k -> Counter.builder(name)
                        .description(description)
                        .tag(label, bounded)
                        .register(registry));
    }
}

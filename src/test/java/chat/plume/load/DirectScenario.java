package chat.plume.load;

import chat.plume.testing.Api;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code direct}: P pairs of friends; every pair's first person sends to the second at an offered
 * total rate (open loop: sends are scheduled by the clock, not by replies). The body carries the
 * send time, so the receiver measures end to end latency on the same clock.
 */
public final class DirectScenario {

    /** What one run measured. */
    public record Result(long sent, long acknowledged, long delivered, long lost, long duplicated, long errors,
            double seconds, long p50Micros, long p95Micros, long p99Micros, long maxMicros) {

        public double deliveredPerSecond() {
            return delivered / seconds;
        }

        @Override
        public String toString() {
            return String.format("sent=%d acked=%d delivered=%d lost=%d duplicated=%d errors=%d rate=%.0f/s"
                    + " latency p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms", sent, acknowledged, delivered, lost,
                    duplicated, errors, deliveredPerSecond(), p50Micros / 1000.0, p95Micros / 1000.0,
                    p99Micros / 1000.0, maxMicros / 1000.0);
        }
    }

    private final URI base;
    private final int pairs;
    private final int ratePerSecond;
    private final Duration length;
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> delivered = new ConcurrentHashMap<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());

    public DirectScenario(URI base, int pairs, int ratePerSecond, Duration length) {
        this.base = base;
        this.pairs = pairs;
        this.ratePerSecond = ratePerSecond;
        this.length = length;
    }

    public Result run() throws Exception {
        Api api = new Api(base);
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> senders = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<WebSocket> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Person from = Person.create(api, "LoadA");
            Person to = Person.create(api, "LoadB");
            Person.befriend(from, to);
            conversations.add(Person.ok(200, from.post("/conversations", Json.object("userId", to.id())))
                    .getJsonNumber("id").longValue());
            WebSocket sender = connect(http, from.token(), false);
            senders.add(sender);
            all.add(sender);
            all.add(connect(http, to.token(), true));
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        long intervalNanos = 1_000_000_000L / Math.max(1, ratePerSecond);
        long started = System.nanoTime();
        long end = started + length.toNanos();
        clock.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= end) {
                return;
            }
            long n = sent.getAndIncrement();
            int pair = (int) (n % pairs);
            String clientId = "load-" + n;
            String frame = Json.object("type", "send", "id", clientId, "conversation", conversations.get(pair),
                    "clientMessageId", clientId, "body", "t=" + System.nanoTime());
            WebSocket socket = senders.get(pair);
            synchronized (socket) {
                socket.sendText(frame, true).join();
            }
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        LockSupport.parkNanos(Math.max(0, end - System.nanoTime()));
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        // Let what is in flight arrive, waiting at most ten seconds for the last delivery.
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < drainDeadline && (acked.size() < sent.get() || delivered.size() < acked.size())) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        all.forEach(WebSocket::abort);
        long lost = acked.stream().filter(id -> !delivered.containsKey(id)).count();
        List<Long> sorted;
        synchronized (latencies) {
            sorted = latencies.stream().sorted().toList();
        }
        return new Result(sent.get(), acked.size(), delivered.size(), lost, duplicated.get(), errors.get(), seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    private WebSocket connect(HttpClient http, String token, boolean receiver) {
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(base.resolve("/ws").toString().replaceFirst("^http", "ws").transform(URI::create),
                        new Listener(receiver)).join();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private final class Listener implements WebSocket.Listener {
        private final boolean receiver;
        private final StringBuilder partial = new StringBuilder();

        Listener(boolean receiver) {
            this.receiver = receiver;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                JsonObject frame = Json.parse(partial.toString());
                partial.setLength(0);
                String type = frame.getString("type", "");
                if (type.equals("ack")) {
                    acked.add(frame.getString("clientMessageId"));
                } else if (type.equals("error")) {
                    errors.incrementAndGet();
                } else if (receiver && type.equals("message")) {
                    JsonObject message = frame.getJsonObject("message");
                    if (delivered.putIfAbsent(message.getString("clientMessageId"), Boolean.TRUE) != null) {
                        duplicated.incrementAndGet();
                    }
                    latencies.add((now - Long.parseLong(message.getString("body").substring(2))) / 1000);
                }
            }
            socket.request(1);
            return null;
        }
    }
}

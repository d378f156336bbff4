package chat.plume.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code storm}: the reconnect storm after a restart. {@code connections} (10000) are opened over
 * {@code users} (1000) accounts, paired as friends, each pair's first having sent one message
 * that was acknowledged. Then the tool runs {@code restart} (a command that stops the server and
 * starts it again, e.g. a script) and every connection comes back as the page does: exponential
 * backoff with jitter from 1 s to 30 s, never before a 1013 close's {@code retry_after=N}; once
 * welcomed it sends {@code sync}, and {@code history} of its conversation's newest message, which
 * must be the acknowledged one or later (an ack means stored: nothing may be lost to the restart). Reported: how long until
 * every connection had resumed, how many opens were refused 1013, resume times, and the new
 * server's peak heap in use, sampled every second ({@code server-match}: a string of the server
 * process's command line, to find it after the restart). {@code sources} as for {@code idle}.
 */
final class StormScenario implements Scenario {

    private static final Pattern RETRY_AFTER = Pattern.compile("(?:^|\\s)retry_after=(\\d{1,4})(?:\\s|$)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern CLOSE = Pattern.compile("(\\d{4}) ?(.*)");
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** How the storm went. */
    record StormReport(
            int connections,
            long resumed,
            long lost,
            long refused,
            long failedOpens,
            double secondsToAllResumed,
            long[] resumeMicros,
            long peakHeapBytes)
            implements Outcome {

        @Override
        public boolean clean() {
            return resumed == connections && lost == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "storm connections=%d resumed=%d lost=%d refused-1013=%d other-failed-opens=%d"
                            + " all resumed after %.1f s; resume p50=%.1f s p99=%.1f s max=%.1f s;"
                            + " server peak heap in use %.0f MB",
                    connections,
                    resumed,
                    lost,
                    refused,
                    failedOpens,
                    secondsToAllResumed,
                    resumeMicros[0] / 1e6,
                    resumeMicros[2] / 1e6,
                    resumeMicros[3] / 1e6,
                    peakHeapBytes / 1e6);
        }
    }

    @Override
    public Set<String> options() {
        return Set.of("connections", "users", "sources", "restart", "server-match");
    }

    @Override
    public Outcome run(Context context) throws Exception {
        int count = context.options().integer("connections", 10_000);
        int users = context.options().integer("users", 1000) & ~1;
        String restart = context.options().text("restart", null);
        String serverMatch = context.options().text("server-match", null);
        if (restart == null) {
            throw new IllegalArgumentException("restart=<command that restarts the server> is needed");
        }
        List<Population.Account> accounts = context.population().take(users);
        Map<Long, Long> conversationOf = new ConcurrentHashMap<>();
        Map<Long, Long> ackedSeq = new ConcurrentHashMap<>();
        List<Population.Account> firsts = new ArrayList<>();
        for (int i = 0; i < users; i += 2) {
            Setup.Conversation c = Setup.directConversation(context.api(), accounts.get(i), accounts.get(i + 1));
            conversationOf.put(accounts.get(i).id(), c.id());
            conversationOf.put(accounts.get(i + 1).id(), c.id());
            firsts.add(accounts.get(i));
        }
        sendOneEach(context, firsts, conversationOf, ackedSeq);

        List<HttpClient> clients = Setup.clients(context.options().integer("sources", 1));
        URI base = context.api().base();
        List<Client> storm = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Population.Account account = accounts.get(i % users);
            long conversation = conversationOf.get(account.id());
            storm.add(new Client(
                    clients.get(i % clients.size()), base, account, conversation, ackedSeq.get(conversation)));
        }
        List<LoadConnection> first = Setup.connect(
                clients, base, storm.stream().map(c -> c.account).toList(), account -> (connection, frame, at) -> {});
        System.err.printf("%d connections open; restarting the server: %s%n", count, restart);

        Counters counters = new Counters();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        long dropped = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Client client = storm.get(i);
            first.get(i).closed().thenRun(() -> client.dropped(timers, counters));
        }
        Process restarting =
                new ProcessBuilder("bash", "-c", restart).inheritIO().start();
        long peakHeap = 0;
        long lastSample = 0;
        while (counters.resumed.sum() + counters.lost.sum() < count && System.nanoTime() - dropped < GIVE_UP_NANOS) {
            LockSupport.parkNanos(200_000_000L);
            if (serverMatch != null && System.nanoTime() - lastSample > 1_000_000_000L) {
                lastSample = System.nanoTime();
                peakHeap = Math.max(peakHeap, heapInUse(serverMatch));
            }
        }
        double seconds = counters.resumed.sum() == 0 ? Double.NaN : (counters.lastResume.get() - dropped) / 1e9;
        restarting.waitFor(1, TimeUnit.MINUTES);
        timers.shutdownNow();
        storm.forEach(Client::abort);
        return new StormReport(
                count,
                counters.resumed.sum(),
                counters.lost.sum(),
                counters.refused.sum(),
                counters.failed.sum(),
                seconds,
                counters.resumeTimes.summary(),
                peakHeap);
    }

    /** Each pair's first sends one message and waits for its ack: what the restart must not lose. */
    private static void sendOneEach(
            Context context,
            List<Population.Account> senders,
            Map<Long, Long> conversationOf,
            Map<Long, Long> ackedSeq) {
        List<LoadConnection> connections =
                Setup.connect(Setup.oneClient(), context.api().base(), senders, account -> (connection, frame, at) -> {
                    if ("ack".equals(FrameScan.type(frame))) {
                        ackedSeq.put(FrameScan.number(frame, "conversation"), FrameScan.number(frame, "seq"));
                    }
                });
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        for (LoadConnection c : connections) {
            c.send("{\"type\":\"send\",\"id\":\"b\",\"conversation\":"
                    + conversationOf.get(c.account().id()) + ",\"clientMessageId\":\"S" + run + "-"
                    + c.account().id() + "\",\"body\":\"before the storm\"}");
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ackedSeq.size() < senders.size() && System.nanoTime() < until) {
            LockSupport.parkNanos(50_000_000L);
        }
        connections.forEach(LoadConnection::abort);
        if (ackedSeq.size() < senders.size()) {
            throw new IllegalStateException(
                    "Only " + ackedSeq.size() + " of " + senders.size() + " sends acknowledged");
        }
    }

    /** The server's heap in use now (no collection forced), or 0 when it cannot be read. */
    private static long heapInUse(String serverMatch) {
        Optional<ProcessHandle> server = ProcessHandle.allProcesses()
                // The server's own JVM (WildFly or Payara Micro), not the Maven process that
                // started it with the same arguments.
                .filter(p -> p.info()
                        .commandLine()
                        .map(c ->
                                c.contains(serverMatch) && (c.contains("jboss-modules") || c.contains("payara-micro")))
                        .orElse(false))
                .findFirst();
        if (server.isEmpty()) {
            return 0;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(server.get().pid()), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Matcher used = HEAP_USED.matcher(out);
            return used.find() ? Long.parseLong(used.group(1)) * 1024 : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static final class Counters {
        final LongAdder resumed = new LongAdder();
        final LongAdder lost = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicLong lastResume = new AtomicLong();
        final Latencies resumeTimes = new Latencies();
    }

    /** One connection coming back as the page does. */
    private static final class Client {
        final HttpClient http;
        final URI base;
        final Population.Account account;
        final long conversation;
        final long acked;
        volatile LoadConnection connection;
        int attempt;
        long droppedAt;

        Client(HttpClient http, URI base, Population.Account account, long conversation, long acked) {
            this.http = http;
            this.base = base;
            this.account = account;
            this.conversation = conversation;
            this.acked = acked;
        }

        /** The page's delay: backoff with jitter, never before the server's hint. */
        static long delayMillis(int attempt, int code, String reason) {
            long ceiling = Math.min(30_000, 1000L << Math.min(attempt, 15));
            long backoff = ceiling / 2 + (long) (ThreadLocalRandom.current().nextDouble() * ceiling / 2);
            Matcher hint = RETRY_AFTER.matcher(reason == null ? "" : reason);
            if (code == 1013 && hint.find()) {
                return Math.max(
                        backoff,
                        Long.parseLong(hint.group(1)) * 1000
                                + ThreadLocalRandom.current().nextLong(1000));
            }
            return backoff;
        }

        /** The first connection dropped with the server: come back after the first backoff step. */
        void dropped(ScheduledExecutorService timers, Counters counters) {
            droppedAt = System.nanoTime();
            timers.schedule(() -> open(timers, counters), delayMillis(attempt++, 0, ""), TimeUnit.MILLISECONDS);
        }

        void open(ScheduledExecutorService timers, Counters counters) {
            LoadConnection.open(http, base, account, (c, frame, at) -> {
                        // The newest message of its conversation (limit 1): its seq, the first in
                        // the reply, must be at least the one acknowledged before the restart.
                        if ("history".equals(FrameScan.type(frame))) {
                            long lastSeq = FrameScan.number(frame, "seq");
                            if (lastSeq < acked) {
                                counters.lost.increment();
                            } else {
                                counters.resumed.increment();
                            }
                            long now = System.nanoTime();
                            counters.lastResume.accumulateAndGet(now, Math::max);
                            counters.resumeTimes.add((now - droppedAt) / 1000);
                        }
                    })
                    .whenComplete((opened, failure) -> {
                        if (failure == null) {
                            connection = opened;
                            // What the page does on a reconnect: the conversation list, then the
                            // conversations' missing messages.
                            opened.send("{\"type\":\"sync\",\"id\":\"s\"}");
                            opened.send("{\"type\":\"history\",\"id\":\"h\",\"conversation\":" + conversation
                                    + ",\"limit\":1}");
                            return;
                        }
                        Matcher close = CLOSE.matcher(rootMessage(failure));
                        int code = close.find() ? Integer.parseInt(close.group(1)) : 0;
                        String reason = code == 0 ? "" : close.group(2);
                        if (code == 1013) {
                            counters.refused.increment();
                        } else {
                            counters.failed.increment();
                        }
                        timers.schedule(
                                () -> open(timers, counters),
                                delayMillis(attempt++, code, reason),
                                TimeUnit.MILLISECONDS);
                    });
        }

        private static String rootMessage(Throwable failure) {
            Throwable t = failure;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            String message = String.valueOf(t.getMessage());
            int at = message.indexOf("Closed before welcome: ");
            return at < 0 ? message : message.substring(at + "Closed before welcome: ".length());
        }

        void abort() {
            LoadConnection c = connection;
            if (c != null) {
                c.abort();
            }
        }
    }
}

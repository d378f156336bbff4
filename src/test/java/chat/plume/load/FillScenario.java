package chat.plume.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code fill}: a realistic population, written through the product's own paths (REST friend
 * requests and conversations, WebSocket sends), so the rows are exactly the ones people make.
 * Each of {@code accounts} (1000) befriends its next k neighbours around a ring until there are
 * {@code conversations} (20000) direct conversations, then {@code messages} (1000000) of varied
 * length and script (Latin, Chinese, emoji) are sent into them, spread evenly, each account
 * keeping {@code window} (8) sends in flight. Re-running adds messages; friendships already made
 * are kept. With the population file the accounts are the ones later runs use, so a later
 * {@code direct} or {@code session} run meets this data.
 */
final class FillScenario implements Scenario {

    private static final int PARALLEL_REQUESTS = 8;
    private static final long STALL_NANOS = 60_000_000_000L;
    private static final String[] PHRASES = {
        "ok",
        "好的",
        "明天见 👋",
        "Did you see the build? It passed on the second try.",
        "晚上一起吃火锅吗？我知道一家新开的店，评价很好。",
        "lol",
        "收到，我马上看一下。",
        "The meeting moved to 3pm, room 4B. Bring the slides from last week please.",
        "周末去爬山吧，天气预报说是晴天 ☀️",
        "👍",
    };

    /** What the fill made. */
    record FillReport(
            int accounts, int conversations, long stored, long refused, double befriendSeconds, double sendSeconds)
            implements Outcome {

        @Override
        public boolean clean() {
            return refused == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "fill accounts=%d conversations=%d (%.0f s) messages stored=%d refused=%d (%.0f s, %.0f/s)",
                    accounts,
                    conversations,
                    befriendSeconds,
                    stored,
                    refused,
                    sendSeconds,
                    sendSeconds <= 0 ? 0 : stored / sendSeconds);
        }
    }

    @Override
    public Set<String> options() {
        return Set.of("accounts", "conversations", "messages", "window");
    }

    @Override
    public Outcome run(Context context) throws Exception {
        int size = context.options().integer("accounts", 1000);
        int wanted = context.options().integer("conversations", 20_000);
        long messages = context.options().integer("messages", 1_000_000);
        int window = context.options().integer("window", 8);
        int perAccount = (wanted + size - 1) / size;
        if (perAccount > (size - 1) / 2) {
            throw new IllegalArgumentException("conversations must be at most accounts × (accounts − 1) / 2");
        }
        List<Population.Account> accounts = context.population().take(size);

        long started = System.nanoTime();
        List<List<Long>> conversationsOf = befriendAroundTheRing(context, accounts, wanted, perAccount);
        double befriendSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("%d conversations ready after %.0f s%n", wanted, befriendSeconds);

        Sender sender = new Sender(messages);
        List<LoadConnection> connections =
                Setup.connect(Setup.oneClient(), context.api().base(), accounts, account -> sender);
        for (int i = 0; i < connections.size(); i++) {
            sender.conversationsOf.put(connections.get(i), conversationsOf.get(i));
        }
        started = System.nanoTime();
        context.probe().startCpu();
        for (LoadConnection connection : connections) {
            if (!sender.conversationsOf.get(connection).isEmpty()) {
                for (int w = 0; w < window; w++) {
                    sender.next(connection);
                }
            }
        }
        sender.awaitEnd();
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        connections.forEach(LoadConnection::abort);
        return new FillReport(size, wanted, sender.stored.get(), sender.refused.get(), befriendSeconds, sendSeconds);
    }

    /** Account i befriends i+1 … i+k (mod n), in parallel; each account's list of conversations it sends into. */
    private static List<List<Long>> befriendAroundTheRing(
            Context context, List<Population.Account> accounts, int wanted, int perAccount)
            throws InterruptedException, ExecutionException {
        int size = accounts.size();
        List<List<Long>> conversationsOf = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            conversationsOf.add(new ArrayList<>());
        }
        ExecutorService workers = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            List<Future<long[]>> made = new ArrayList<>();
            int count = 0;
            for (int k = 1; k <= perAccount; k++) {
                for (int i = 0; i < size && count < wanted; i++, count++) {
                    int from = i;
                    int to = (i + k) % size;
                    made.add(workers.submit(() -> new long[] {
                        from,
                        Setup.directConversation(context.api(), accounts.get(from), accounts.get(to))
                                .id()
                    }));
                }
            }
            for (Future<long[]> pair : made) {
                long[] fromAndConversation = pair.get();
                conversationsOf.get((int) fromAndConversation[0]).add(fromAndConversation[1]);
            }
        } finally {
            workers.shutdownNow();
        }
        return conversationsOf;
    }

    /** Every account's sends, round-robin over its conversations, until the budget is spent. */
    private static final class Sender implements LoadConnection.FrameHandler {
        private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        private final AtomicLong budget;
        private final long total;
        private final AtomicLong counter = new AtomicLong();
        private final AtomicLong stored = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final Map<LoadConnection, List<Long>> conversationsOf = new ConcurrentHashMap<>();
        private final Map<LoadConnection, AtomicLong> turnOf = new ConcurrentHashMap<>();
        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

        Sender(long total) {
            this.total = total;
            this.budget = new AtomicLong(total);
        }

        void next(LoadConnection connection) {
            if (budget.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
                return;
            }
            List<Long> mine = conversationsOf.get(connection);
            long turn =
                    turnOf.computeIfAbsent(connection, c -> new AtomicLong()).getAndIncrement();
            long n = counter.incrementAndGet();
            String body = PHRASES[(int) (n % PHRASES.length)] + " #" + n;
            connection.send("{\"type\":\"send\",\"id\":\"f" + n + "\",\"conversation\":"
                    + mine.get((int) (turn % mine.size())) + ",\"clientMessageId\":\"F" + run + "-" + n
                    + "\",\"body\":\"" + body + "\"}");
        }

        @Override
        public void onFrame(LoadConnection connection, String frame, long receivedNanos) {
            String type = FrameScan.type(frame);
            String id = FrameScan.string(frame, "id");
            if (id == null || !id.startsWith("f")) {
                return;
            }
            if ("ack".equals(type)) {
                stored.incrementAndGet();
                next(connection);
            } else if ("error".equals(type)) {
                String code = FrameScan.string(frame, "code");
                if ("busy".equals(code) || "rate_limited".equals(code)) {
                    // Another message takes its place, after the pause a client must make.
                    budget.incrementAndGet();
                    later.schedule(() -> next(connection), 200, TimeUnit.MILLISECONDS);
                    return;
                }
                if (refused.incrementAndGet() <= 5) {
                    System.err.println("Refused: " + frame);
                }
                next(connection);
            }
        }

        @Override
        public void onSendFailed(LoadConnection connection, String frame, Throwable failure) {
            refused.incrementAndGet();
        }

        /** Until every message is answered, printing progress; fails when nothing moves for a minute. */
        void awaitEnd() {
            long lastCount = -1;
            long lastMove = System.nanoTime();
            long lastPrint = lastMove;
            while (stored.get() + refused.get() < total) {
                LockSupport.parkNanos(200_000_000L);
                long now = System.nanoTime();
                long count = stored.get() + refused.get();
                if (count != lastCount) {
                    lastCount = count;
                    lastMove = now;
                } else if (now - lastMove > STALL_NANOS) {
                    throw new IllegalStateException("No answer for a minute after " + count + " of " + total);
                }
                if (now - lastPrint > 10_000_000_000L) {
                    System.err.printf("%,d of %,d messages stored%n", stored.get(), total);
                    lastPrint = now;
                }
            }
            later.shutdownNow();
        }
    }
}

package chat.plume.load;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code reconnect}: direct traffic between P pairs while R receivers a second drop their
 * connection (no close handshake, as a network failure) and resume: reconnect, then fetch with
 * {@code history} everything after the last message they hold without a gap, page by page. The
 * ledger proves nothing was lost; the resume time runs from the drop to the last history page.
 * Options: {@code pairs} (100), {@code rate} (500), {@code reconnects} (per second, 10),
 * {@code seconds} (30).
 */
final class ReconnectScenario implements Scenario {

    private static final int PAGE = 100;

    /** The traffic's account, and how the resumes went. */
    record ReconnectReport(Report traffic, long resumes, long recovered, long[] resumeMicros) implements Outcome {

        @Override
        public boolean clean() {
            return traffic.clean();
        }

        @Override
        public String toString() {
            return traffic
                    + String.format(
                            "%nreconnect resumes=%d recovered-by-resume=%d resume p50=%.1fms p95=%.1fms"
                                    + " p99=%.1fms max=%.1fms",
                            resumes,
                            recovered,
                            resumeMicros[0] / 1000.0,
                            resumeMicros[1] / 1000.0,
                            resumeMicros[2] / 1000.0,
                            resumeMicros[3] / 1000.0);
        }
    }

    @Override
    public Set<String> options() {
        return Scenario.union(TRAFFIC_OPTIONS, Set.of("pairs", "reconnects"));
    }

    @Override
    public ReconnectReport run(Context context) {
        int pairs = context.options().integer("pairs", 100);
        int perSecond = context.options().integer("reconnects", 10);
        List<Population.Account> accounts = context.population().take(2 * pairs);
        Ledger ledger = new Ledger();
        Traffic traffic = new Traffic(ledger);
        HttpClient http = HttpClient.newHttpClient();
        Latencies resumeTimes = new Latencies();
        LongAdder resumes = new LongAdder();
        List<Resuming> receivers = new ArrayList<>();
        Map<Long, Setup.Conversation> conversations = new HashMap<>();
        List<Population.Account> senders = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Setup.Conversation conversation =
                    Setup.directConversation(context.api(), accounts.get(2 * i), accounts.get(2 * i + 1));
            conversations.put(accounts.get(2 * i).id(), conversation);
            senders.add(accounts.get(2 * i));
            receivers.add(new Resuming(
                    ledger, traffic, conversation, accounts.get(2 * i + 1), context, http, resumeTimes, resumes));
        }
        List<LoadConnection> sending = Setup.connect(
                List.of(http),
                context.api().base(),
                senders,
                account -> new Member(ledger, traffic, conversations.get(account.id()), account.id(), false));
        sending.forEach(
                c -> traffic.addSender(c, conversations.get(c.account().id()).id()));
        receivers.parallelStream().forEach(Resuming::connect);

        ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
        dropper.scheduleAtFixedRate(
                () -> {
                    Resuming receiver =
                            receivers.get(ThreadLocalRandom.current().nextInt(receivers.size()));
                    receiver.dropAndResume();
                },
                0,
                1_000_000 / Math.max(1, perSecond),
                TimeUnit.MICROSECONDS);
        try {
            context.drive(traffic, 500);
        } finally {
            dropper.shutdownNow();
        }
        sending.forEach(LoadConnection::abort);
        receivers.forEach(Resuming::abort);
        return new ReconnectReport(
                ledger.report("reconnect"), resumes.sum(), ledger.recovered(), resumeTimes.summary());
    }

    /** A receiver that can be dropped and then catches up by itself. */
    private static final class Resuming extends Member {
        private final Population.Account account;
        private final Context context;
        private final HttpClient http;
        private final Latencies resumeTimes;
        private final LongAdder resumes;
        private final AtomicBoolean resuming = new AtomicBoolean();
        private static final int MAX_HISTORY_FAILURES = 5;
        /** Refused pages in the current resume; touched only by this receiver's frame handling. */
        private int historyFailures;

        private volatile LoadConnection connection;
        private volatile long droppedAt;

        Resuming(
                Ledger ledger,
                Traffic traffic,
                Setup.Conversation conversation,
                Population.Account account,
                Context context,
                HttpClient http,
                Latencies resumeTimes,
                LongAdder resumes) {
            super(ledger, traffic, conversation, account.id(), true);
            this.account = account;
            this.context = context;
            this.http = http;
            this.resumeTimes = resumeTimes;
            this.resumes = resumes;
        }

        void connect() {
            connection = LoadConnection.open(http, context.api().base(), account, this)
                    .join();
        }

        void abort() {
            connection.abort();
        }

        /** Drops the connection unless a resume is still under way, then reconnects and catches up. */
        void dropAndResume() {
            if (!resuming.compareAndSet(false, true)) {
                return;
            }
            droppedAt = System.nanoTime();
            connection.abort();
            LoadConnection.open(http, context.api().base(), account, this).whenComplete((reopened, failure) -> {
                if (failure != null) {
                    System.err.println("Reconnect failed: " + failure);
                    resuming.set(false);
                    return;
                }
                connection = reopened;
                inbox().reconnected();
                historyFailures = 0;
                requestAfter(inbox().contiguous());
            });
        }

        private void requestAfter(long seq) {
            connection.send("{\"type\":\"history\",\"id\":\"h" + seq + "\",\"conversation\":" + conversationId()
                    + ",\"after\":" + seq + ",\"limit\":" + PAGE + "}");
        }

        @Override
        void other(LoadConnection from, String type, String frame) {
            if ("error".equals(type)
                    && String.valueOf(FrameScan.string(frame, "id")).startsWith("h")) {
                // A refused page (busy, rate_limited): ask again from where the inbox stands, a
                // few times; then give up on this resume, so the next drop can start a fresh one.
                if (++historyFailures <= MAX_HISTORY_FAILURES) {
                    requestAfter(inbox().contiguous());
                } else {
                    System.err.println("Resume abandoned after " + historyFailures + " refused pages: " + frame);
                    resuming.set(false);
                }
                return;
            }
            if (!"history".equals(type)) {
                return;
            }
            int messages = frame.indexOf("\"messages\":[");
            long last = -1;
            for (int at = frame.indexOf("\"seq\":", messages); at >= 0; at = frame.indexOf("\"seq\":", at + 1)) {
                last = FrameScan.number(frame.substring(at), "seq");
                ledger.fetched(inbox(), last);
            }
            if (frame.contains("\"hasMore\":true") && last > 0) {
                requestAfter(last);
            } else {
                resumeTimes.add((System.nanoTime() - droppedAt) / 1000);
                resumes.increment();
                resuming.set(false);
            }
        }
    }
}

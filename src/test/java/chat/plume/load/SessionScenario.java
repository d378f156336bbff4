package chat.plume.load;

import chat.plume.testing.Api;
import chat.plume.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code session}: what a person waits for when opening Plume, one person after another,
 * {@code rounds} (100) times over the population's accounts: signing in (REST, one password
 * hash), the WebSocket's {@code welcome}, the first {@code sync} page (the conversation list),
 * and the newest {@code history} page (50 messages) of their most recent conversation. Run on an
 * empty database and after {@code fill} to show the times do not grow with the data.
 */
final class SessionScenario implements Scenario {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** p50 and p99 of each step, in microseconds. */
    record SessionReport(int rounds, long[] signIn, long[] welcome, long[] sync, long[] newestPage, long emptyLists)
            implements Outcome {

        @Override
        public boolean clean() {
            return emptyLists == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "session rounds=%d sign-in p50 %.1f ms p99 %.1f ms; welcome p50 %.1f ms p99 %.1f ms;"
                            + " sync p50 %.1f ms p99 %.1f ms; newest page p50 %.1f ms p99 %.1f ms;"
                            + " accounts without a conversation %d",
                    rounds,
                    signIn[0] / 1e3,
                    signIn[2] / 1e3,
                    welcome[0] / 1e3,
                    welcome[2] / 1e3,
                    sync[0] / 1e3,
                    sync[2] / 1e3,
                    newestPage[0] / 1e3,
                    newestPage[2] / 1e3,
                    emptyLists);
        }
    }

    @Override
    public Set<String> options() {
        return Set.of("rounds", "accounts");
    }

    @Override
    public Outcome run(Context context) {
        int rounds = context.options().integer("rounds", 100);
        List<Population.Account> accounts =
                context.population().take(context.options().integer("accounts", 1000));
        Latencies signIn = new Latencies();
        Latencies welcome = new Latencies();
        Latencies sync = new Latencies();
        Latencies page = new Latencies();
        long empty = 0;
        Api api = context.api();
        context.probe().startCpu();
        for (int i = 0; i < rounds; i++) {
            Population.Account account = accounts.get(i % accounts.size());
            long t0 = System.nanoTime();
            String token = api.token(account.username(), "load-pass-" + account.username());
            long t1 = System.nanoTime();
            signIn.add((t1 - t0) / 1000);
            try (WsClient client = WsClient.connect(api.base(), token)) {
                client.next("welcome", WAIT);
                long t2 = System.nanoTime();
                welcome.add((t2 - t1) / 1000);
                JsonObject list = client.request("{\"type\":\"sync\",\"id\":\"s" + i + "\"}", WAIT);
                long t3 = System.nanoTime();
                sync.add((t3 - t2) / 1000);
                JsonArray conversations = list.getJsonArray("conversations");
                if (conversations == null || conversations.isEmpty()) {
                    empty++;
                    continue;
                }
                long newest = conversations.getJsonObject(0).getJsonNumber("id").longValue();
                long t4 = System.nanoTime();
                JsonObject history = client.request(
                        "{\"type\":\"history\",\"id\":\"h" + i + "\",\"conversation\":" + newest + ",\"limit\":50}",
                        WAIT);
                page.add((System.nanoTime() - t4) / 1000);
                if (!"history".equals(history.getString("type"))) {
                    throw new IllegalStateException("history refused: " + history);
                }
            } finally {
                // Sign the session out again: a run should not leave a hundred sessions behind.
                api.send("DELETE", "/sessions/current", null, token);
            }
        }
        return new SessionReport(rounds, signIn.summary(), welcome.summary(), sync.summary(), page.summary(), empty);
    }
}

package chat.plume.system;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.ServerProcess;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Messages under chaos: the sender's and the receiver's connections are cut at random, and the
 * server is killed (SIGKILL) with a send in flight and started again. The sender retries every
 * unacknowledged message with its client message id, the receiver resumes from its last seen
 * position. In the end the receiver holds every message exactly once, in order, with no gap.
 * The seed (which also picks when the server dies) is printed so that a failure can be replayed.
 */
class ChaosIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration REPLY = Duration.ofSeconds(3);
    private static final int MESSAGES = 120;

    @Test
    void nothingIsLostOrDuplicatedWhenConnectionsAndTheServerDie() {
        long seed = Long.getLong("plume.chaos.seed", System.nanoTime());
        System.out.println("ChaosIT seed " + seed);
        Random random = new Random(seed);
        try (ServerProcess server = new ServerProcess(Path.of("target", "chaos-it"), 300)) {
            server.start(STARTUP);
            Api api = new Api(server.base());
            Person alice = Person.create(api, "Chaos");
            Person bob = Person.create(api, "Chaos2");
            Person.befriend(alice, bob);
            long conversation = Person.ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                    .getJsonNumber("id")
                    .longValue();

            Receiver receiver = new Receiver(server, bob, conversation);
            int killAt = 20 + random.nextInt(MESSAGES - 40);
            WsClient sender = null;
            for (int i = 1; i <= MESSAGES; i++) {
                String clientId = "chaos-" + i;
                boolean acknowledged = false;
                int attempts = 0;
                while (!acknowledged) {
                    assertThat(++attempts)
                            .as("attempts to get message %s acknowledged", i)
                            .isLessThan(200);
                    if (sender == null || sender.isClosed()) {
                        sender = WsClient.tryConnect(server.base(), alice.token());
                        continue;
                    }
                    String frame = Json.object(
                            "type",
                            "send",
                            "id",
                            clientId + "-" + random.nextInt(1_000_000),
                            "conversation",
                            conversation,
                            "clientMessageId",
                            clientId,
                            "body",
                            "chaos " + i);
                    if (i == killAt && !receiver.restarted) {
                        // A send in flight when the server dies: stored or not, the retry settles it.
                        sender.send(frame);
                        server.kill();
                        server.start(STARTUP);
                        receiver.restarted = true;
                        sender = null;
                        continue;
                    }
                    if (random.nextInt(10) == 0) {
                        sender.send(frame);
                        sender.abort(); // the ack is lost with the connection
                        sender = null;
                        continue;
                    }
                    JsonObject reply;
                    try {
                        reply = sender.request(frame, REPLY);
                    } catch (WsClient.NoReply | CompletionException lost) {
                        sender.abort();
                        sender = null;
                        continue;
                    }
                    // The only refusal a healthy server may give here is "slow down"; anything else fails the test.
                    if ("error".equals(reply.getString("type"))) {
                        assertThat(reply.getString("code")).as(reply.toString()).isIn("rate_limited", "busy");
                    } else {
                        assertThat(reply.getString("type")).as(reply.toString()).isEqualTo("ack");
                        assertThat(reply.getJsonNumber("seq").longValue()).isEqualTo(i);
                        acknowledged = true;
                    }
                }
                receiver.take(random);
            }
            if (sender != null) {
                sender.close();
            }
            Map<Long, String> seen = receiver.finish();
            assertThat(seen).hasSize(MESSAGES);
            for (long seq = 1; seq <= MESSAGES; seq++) {
                assertThat(seen.get(seq)).as("seq %s", seq).isEqualTo("chaos " + seq);
            }
        }
    }

    /** Bob: takes what arrives live, drops his connection now and then, and catches up from his position. */
    private static final class Receiver {
        private final ServerProcess server;
        private final Person bob;
        private final long conversation;
        private final Map<Long, String> seen = new TreeMap<>();
        private WsClient ws;
        /** The highest seq pushed live on the current connection: pushes must never go below it. */
        private long lastLive;

        boolean restarted;

        Receiver(ServerProcess server, Person bob, long conversation) {
            this.server = server;
            this.bob = bob;
            this.conversation = conversation;
        }

        void take(Random random) {
            if (ws == null || ws.isClosed()) {
                ws = WsClient.tryConnect(server.base(), bob.token());
                if (ws == null) {
                    return;
                }
                lastLive = 0;
                catchUp();
            }
            for (JsonObject frame : ws.drain()) {
                if ("message".equals(frame.getString("type", null))) {
                    long seq =
                            frame.getJsonObject("message").getJsonNumber("seq").longValue();
                    assertThat(seq)
                            .as("pushes on one connection arrive in seq order")
                            .isGreaterThan(lastLive);
                    lastLive = seq;
                    record(frame.getJsonObject("message"));
                }
            }
            if (random.nextInt(15) == 0) {
                ws.abort();
                ws = null;
            }
        }

        Map<Long, String> finish() {
            if (ws != null) {
                ws.close();
            }
            ws = WsClient.tryConnect(server.base(), bob.token());
            assertThat(ws).as("the receiver reconnects").isNotNull();
            catchUp();
            ws.close();
            return seen;
        }

        private void catchUp() {
            boolean more = true;
            while (more) {
                long after = seen.keySet().stream().max(Long::compare).orElse(0L);
                JsonObject page = ws.request(
                        Json.object(
                                "type",
                                "history",
                                "id",
                                "h" + after,
                                "conversation",
                                conversation,
                                "after",
                                after,
                                "limit",
                                25),
                        Duration.ofSeconds(15));
                List<JsonObject> messages = page.getJsonArray("messages").getValuesAs(JsonObject.class);
                messages.forEach(this::record);
                more = page.getBoolean("hasMore");
            }
        }

        private void record(JsonObject message) {
            long seq = message.getJsonNumber("seq").longValue();
            String previous = seen.put(seq, message.getString("body"));
            // The same seq may arrive live and in a page: it must be the very same message.
            assertThat(previous == null || previous.equals(message.getString("body")))
                    .isTrue();
        }
    }
}

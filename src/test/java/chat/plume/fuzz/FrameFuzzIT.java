package chat.plume.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Random frames of every type, with fields of every shape, and garbage, at a live connection:
 * every frame gets its answer (its reply or an error naming it; garbage an error of its own), the
 * connection stays open, and other clients are served throughout. Seeded: the seed is printed,
 * and {@code -Dplume.fuzz.seed=N} replays a run.
 */
@RunAsClient
class FrameFuzzIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long FRAME_GAP_NANOS = 12_000_000;
    private static final List<String> TYPES =
            List.of("send", "read", "edit", "recall", "history", "sync", "typing", "ping", "nonsense", "");
    private static final List<String> FIELDS = List.of(
            "conversation",
            "clientMessageId",
            "body",
            "seq",
            "after",
            "before",
            "limit",
            "cursor",
            "replyTo",
            "mentions",
            "media",
            "id",
            "type");

    @Test
    void everyFrameIsAnsweredAndTheServerKeepsServing() {
        long seed = Long.getLong("plume.fuzz.seed", System.nanoTime());
        System.out.println("FrameFuzzIT seed " + seed + " (replay with -Dplume.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Person alice = Person.create(api, "FuzzWs");
        Person bob = Person.create(api, "FuzzWsFriend");
        Person.befriend(alice, bob);
        long conversation = Json.parse(Person.ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                        .toString())
                .getJsonNumber("id")
                .longValue();
        try (WsClient ws = alice.connect();
                WsClient bystander = bob.connect()) {
            long started = System.nanoTime();
            for (int i = 0; i < 400; i++) {
                // Stay under the test server's flood limit (100 frames/s): flooding is tested on its own.
                LockSupport.parkNanos(started + i * FRAME_GAP_NANOS - System.nanoTime());
                String id = "z" + i;
                if (random.nextInt(8) == 0) {
                    ws.send(garbage(random));
                    JsonObject error = ws.next(f -> "error".equals(f.getString("type", null)), WAIT);
                    assertThat(error.getString("code"))
                            .as("seed %d, frame %d", seed, i)
                            .isIn("malformed_frame", "invalid_frame", "rate_limited");
                } else {
                    String frame = frame(random, id, conversation);
                    ws.send(frame);
                    JsonObject answer;
                    try {
                        answer = ws.next(f -> id.equals(f.getString("id", null)), WAIT);
                    } catch (WsClient.NoReply silence) {
                        throw new AssertionError("No answer to " + frame + " (seed " + seed + ")", silence);
                    }
                    if ("error".equals(answer.getString("type"))) {
                        assertThat(answer.getString("code"))
                                .as("seed %d, frame %s: %s", seed, frame, answer)
                                .isNotEqualTo("internal_error");
                    }
                }
                assertThat(ws.isClosed()).as("seed %d, after frame %d", seed, i).isFalse();
            }
            assertThat(ws.request(Json.object("type", "ping", "id", "still"), WAIT)
                            .getString("type"))
                    .isEqualTo("pong");
            assertThat(bystander
                            .request(Json.object("type", "ping", "id", "other"), WAIT)
                            .getString("type"))
                    .isEqualTo("pong");
        }
    }

    /** A JSON object with a type and this id, and random fields of random shapes. */
    private static String frame(Random random, String id, long conversation) {
        StringBuilder frame = new StringBuilder("{\"type\":\"")
                .append(TYPES.get(random.nextInt(TYPES.size())))
                .append("\",\"id\":\"")
                .append(id)
                .append('"');
        if (random.nextBoolean()) {
            frame.append(",\"conversation\":").append(random.nextBoolean() ? conversation : random.nextInt(1000));
        }
        for (int i = 0; i < random.nextInt(5); i++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            if (!field.equals("id") && !field.equals("type")) {
                frame.append(",\"").append(field).append("\":").append(value(random, 0));
            }
        }
        return frame.append('}').toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Integer.toString(random.nextInt(10) - 2);
            case 4 -> "1.5e300";
            case 5 -> "\"c-" + random.nextInt(1_000_000) + "\"";
            case 6 -> "\"" + "字".repeat(random.nextInt(300)) + "\"";
            case 7 -> "\"a b/c\\u0000\"";
            case 8 -> "\"\"";
            case 9 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            default -> "{\"k\":" + value(random, depth + 1) + "}";
        };
    }

    private static String garbage(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "not json";
            case 1 -> "[".repeat(1 + random.nextInt(2000));
            case 2 -> "{\"type\":";
            case 3 -> "42";
            case 4 -> "{\"id\":17}";
            default -> "{\"nested\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        };
    }
}

package chat.plume.bots.ai;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.FakeModelServer;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AI assistant against a small OpenAI-compatible server on loopback (never the internet):
 * it answers a question in a chat with it by sending "…" and editing that message as the
 * answer streams in, sends the model the conversation as context with the configured model and
 * key, reads a server that does not stream, answers in a group when mentioned, and says plainly
 * when the model fails or does not answer in time.
 */
@RunAsClient
class AiAssistantIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static FakeModelServer model;

    @BeforeAll
    static void startModel() {
        model = FakeModelServer.start();
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @Test
    void theAnswerStreamsIntoTheChatWithTheConversationAsContext() {
        Person alice = Person.create(api, "Curious");
        long ai =
                Person.ok(200, alice.get("/users/plume_ai")).getJsonNumber("id").longValue();
        long chat = alice.befriendAssistant(ai);
        try (WsClient socket = alice.connect()) {
            model.answers("Hi Alice.");
            send(socket, chat, "Hello there");
            assertThat(finalAnswer(socket, ai, "Hi Alice.")).isEqualTo("Hi Alice.");
            model.nextRequest(WAIT);

            model.streams(Duration.ofMillis(300), "Two ", "plus ", "two ", "is ", "four.");
            send(socket, chat, "What is 2+2?");
            List<String> seen = new ArrayList<>();
            JsonObject placeholder = socket.next(
                    f -> "message".equals(f.getString("type")) && sender(f) == ai && body(f).equals("…"), WAIT);
            long seq = placeholder.getJsonObject("message").getJsonNumber("seq").longValue();
            socket.next(
                    f -> {
                        if ("message.updated".equals(f.getString("type"))
                                && f.getJsonObject("message")
                                                .getJsonNumber("seq")
                                                .longValue()
                                        == seq) {
                            seen.add(body(f));
                            return body(f).equals("Two plus two is four.");
                        }
                        return false;
                    },
                    WAIT);
            // Seen growing, not only at the end.
            assertThat(seen.get(0)).endsWith(" …").isNotEqualTo("Two plus two is four. …");

            FakeModelServer.Asked asked = model.nextRequest(WAIT);
            assertThat(asked.authorization()).isEqualTo("Bearer fake-key-for-tests");
            assertThat(asked.body().getString("model")).isEqualTo("fake-model");
            assertThat(asked.body().getBoolean("stream")).isTrue();
            JsonArray turns = asked.body().getJsonArray("messages");
            assertThat(turns.getJsonObject(0).getString("role")).isEqualTo("system");
            assertThat(turns.getJsonObject(turns.size() - 1).getString("content"))
                    .isEqualTo("What is 2+2?");
            assertThat(turns.toString())
                    .contains("Hello there")
                    .contains("\"assistant\"")
                    .contains("Hi Alice.");
        }
    }

    @Test
    void aFailingOrSilentModelIsSaidPlainly() {
        Person bob = Person.create(api, "Curious");
        long ai = Person.ok(200, bob.get("/users/plume_ai")).getJsonNumber("id").longValue();
        long chat = bob.befriendAssistant(ai);
        try (WsClient socket = bob.connect()) {
            model.fails(500);
            send(socket, chat, "Are you there?");
            assertThat(finalAnswer(socket, ai, "⚠️ The AI model answered with an error (HTTP 500)."))
                    .isEqualTo("⚠️ The AI model answered with an error (HTTP 500).");
            model.hangs();
            send(socket, chat, "Hello?");
            // The test server waits 4 s for the model.
            assertThat(finalAnswer(socket, ai, "⚠️ The AI model did not answer within 4 s."))
                    .isEqualTo("⚠️ The AI model did not answer within 4 s.");
        }
    }

    @Test
    void inAGroupItAnswersWhenMentioned() {
        Person carol = Person.create(api, "Group");
        Person dave = Person.create(api, "Group");
        Person.befriend(carol, dave);
        long ai =
                Person.ok(200, carol.get("/users/plume_ai")).getJsonNumber("id").longValue();
        carol.befriendAssistant(ai);
        long group = carol.createGroup("AI 群", dave, new Person(api, ai, "plume_ai", null));
        long conversation = carol.conversationOfGroup(group);
        model.answers("Hello, group.");
        try (WsClient socket = dave.connect()) {
            JsonObject ack = socket.requestKeepingOthers(
                    jakarta.json.Json.createObjectBuilder()
                            .add("type", "send")
                            .add("id", "g1")
                            .add("conversation", conversation)
                            .add("clientMessageId", Names.unique("g"))
                            .add("body", "@Plume AI say hello")
                            .add(
                                    "mentions",
                                    jakarta.json.Json.createArrayBuilder().add(ai))
                            .build()
                            .toString(),
                    WAIT);
            assertThat(ack.getString("type")).isEqualTo("ack");
            assertThat(finalAnswer(socket, ai, "Hello, group.")).isEqualTo("Hello, group.");
            FakeModelServer.Asked asked = model.nextRequest(WAIT);
            JsonArray turns = asked.body().getJsonArray("messages");
            // In a group, who said it goes with what was said.
            assertThat(turns.getJsonObject(turns.size() - 1).getString("content"))
                    .endsWith(": @Plume AI say hello");
        }
    }

    /** Sends a text; the assistant's answer may arrive before the ack, and stays for what follows. */
    private static void send(WsClient socket, long conversation, String body) {
        JsonObject ack = socket.requestKeepingOthers(
                Json.object(
                        "type",
                        "send",
                        "id",
                        Names.unique("q"),
                        "conversation",
                        conversation,
                        "clientMessageId",
                        Names.unique("q"),
                        "body",
                        body),
                WAIT);
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
    }

    /** Waits until the assistant's message (new or edited) reads {@code expected}; returns it. */
    private static String finalAnswer(WsClient socket, long ai, String expected) {
        return body(socket.next(
                f -> ("message".equals(f.getString("type")) || "message.updated".equals(f.getString("type")))
                        && sender(f) == ai
                        && body(f).equals(expected),
                WAIT));
    }

    private static long sender(JsonObject frame) {
        var sender = frame.getJsonObject("message").getJsonNumber("sender");
        return sender == null ? -1 : sender.longValue();
    }

    private static String body(JsonObject frame) {
        return frame.getJsonObject("message").getString("body", "");
    }
}

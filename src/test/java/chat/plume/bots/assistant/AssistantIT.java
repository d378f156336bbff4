package chat.plume.bots.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The assistant that comes with Plume, black box: found by its name, it accepts a friend request
 * by itself, answers commands in a chat with it and in a group it was added to (quoting what it
 * answers), says what it can do to anything else, and says a reminder at its time.
 */
@RunAsClient
class AssistantIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theAssistantAnswersCommandsInAChatAndInAGroup() {
        Person alice = Person.create(api, "Ask");
        JsonObject about = Person.ok(200, alice.get("/bots/assistant"));
        long assistant = about.getJsonNumber("id").longValue();
        assertThat(about.getString("username")).isEqualTo("plume");
        assertThat(about.getJsonArray("commands").toString()).contains("/roll").contains("/remind");
        assertThat(Person.ok(200, alice.get("/users/plume")).getBoolean("bot")).isTrue();

        long conversation = alice.befriendAssistant(assistant);
        try (WsClient socket = alice.connect()) {
            JsonObject asked = send(socket, conversation, "/roll 3d6");
            JsonObject rolled = answerTo(socket, assistant, asked);
            assertThat(rolled.getString("body")).matches("🎲 3d6: \\d+ \\+ \\d+ \\+ \\d+ = \\d+");

            assertThat(answerTo(socket, assistant, send(socket, conversation, "good morning"))
                            .getString("body"))
                    .startsWith("I answer commands.");
            assertThat(answerTo(socket, assistant, send(socket, conversation, "/remind 3650d far"))
                            .getString("body"))
                    .contains("too far away");
            assertThat(answerTo(socket, assistant, send(socket, conversation, "/remind 0s now"))
                            .getString("body"))
                    .contains("now or in the past");

            // A reminder is said at its time, in the chat it was asked in.
            assertThat(answerTo(socket, assistant, send(socket, conversation, "/remind 10s 喝水"))
                            .getString("body"))
                    .startsWith("⏰ I'll remind this chat in 10s");
            JsonObject reminder = socket.next(
                    f -> "message".equals(f.getString("type"))
                            && f.getJsonObject("message").getString("body", "").equals("⏰ 喝水"),
                    Duration.ofSeconds(30));
            assertThat(reminder.getJsonObject("message").getJsonNumber("sender").longValue())
                    .isEqualTo(assistant);

            // In a group, commands are for it.
            Person bob = Person.create(api, "Ask");
            Person.befriend(alice, bob);
            long group = alice.createGroup("助手群", bob, new Person(api, assistant, "plume", null));
            long groupConversation = alice.conversationOfGroup(group);
            JsonObject help = answerTo(socket, assistant, send(socket, groupConversation, "/help"));
            assertThat(help.getString("body")).startsWith("I am Plume's assistant.");
            assertThat(help.getJsonNumber("conversation").longValue()).isEqualTo(groupConversation);
        }
    }

    @Test
    void aPollCountsVotesLiveOneEachChangedOrTakenBack() {
        Person alice = Person.create(api, "Poll");
        Person bob = Person.create(api, "Poll");
        Person.befriend(alice, bob);
        long assistant =
                Person.ok(200, alice.get("/bots/assistant")).getJsonNumber("id").longValue();
        alice.befriendAssistant(assistant);
        long group = alice.createGroup("投票群", bob, new Person(api, assistant, "plume", null));
        long conversation = alice.conversationOfGroup(group);
        try (WsClient aliceSocket = alice.connect();
                WsClient bobSocket = bob.connect()) {
            JsonObject poll =
                    answerTo(aliceSocket, assistant, send(aliceSocket, conversation, "/poll \"午饭？\" \"面\" \"饭\""));
            assertThat(poll.getString("kind")).isEqualTo("poll");
            assertThat(poll.getString("body")).isEqualTo("{\"question\":\"午饭？\",\"options\":[\"面\",\"饭\"]}");
            assertThat(poll.getJsonObject("poll").getJsonArray("votes").toString())
                    .isEqualTo("[0,0]");
            long seq = poll.getJsonNumber("seq").longValue();

            JsonObject voted = vote(bobSocket, conversation, seq, "1").getJsonObject("poll");
            assertThat(voted.getJsonArray("votes").toString()).isEqualTo("[0,1]");
            assertThat(voted.getInt("voters")).isEqualTo(1);
            assertThat(voted.getInt("mine")).isEqualTo(1);
            assertThat(updated(aliceSocket, "[0,1]").getInt("voters")).isEqualTo(1);
            vote(aliceSocket, conversation, seq, "0");
            updated(bobSocket, "[1,1]");
            vote(bobSocket, conversation, seq, "0");
            updated(aliceSocket, "[2,0]");
            JsonObject withdrawn = vote(bobSocket, conversation, seq, "null");
            assertThat(withdrawn.getJsonObject("poll").getJsonArray("votes").toString())
                    .isEqualTo("[1,0]");
            assertThat(withdrawn.getJsonObject("poll").containsKey("mine")).isFalse();
            updated(aliceSocket, "[1,0]");

            // One's own choice is in one's own history.
            JsonObject shown = alice.history(conversation, 0).stream()
                    .filter(m -> m.getJsonNumber("seq").longValue() == seq)
                    .findFirst()
                    .orElseThrow();
            assertThat(shown.getJsonObject("poll").getInt("mine")).isZero();

            assertThat(vote(bobSocket, conversation, seq, "5").getString("code"))
                    .isEqualTo("invalid_option");
            assertThat(vote(bobSocket, conversation, seq - 1, "0").getString("code"))
                    .isEqualTo("not_a_poll");
            StringBuilder hundred = new StringBuilder("/poll \"Too many?\"");
            for (int i = 0; i < 100; i++) {
                hundred.append(" \"").append(i).append('"');
            }
            assertThat(answerTo(aliceSocket, assistant, send(aliceSocket, conversation, hundred.toString()))
                            .getString("body"))
                    .isEqualTo("A poll has at most 10 options; that one has 100.");
            assertThat(answerTo(aliceSocket, assistant, send(aliceSocket, conversation, "/poll \"Same?\" \"a\" \"a\""))
                            .getString("body"))
                    .contains("no two are the same");
        }
    }

    private static JsonObject vote(WsClient socket, long conversation, long seq, String option) {
        return socket.request(
                "{\"type\":\"poll.vote\",\"id\":\"" + Names.unique("v") + "\",\"conversation\":" + conversation
                        + ",\"seq\":" + seq + ",\"option\":" + option + "}",
                WAIT);
    }

    private static JsonObject updated(WsClient socket, String votes) {
        return socket.next(
                f -> "poll.updated".equals(f.getString("type"))
                        && f.getJsonArray("votes").toString().equals(votes),
                WAIT);
    }

    /** Sends a text; the assistant's answer may arrive before the ack, and is kept for {@link #answerTo}. */
    private static JsonObject send(WsClient socket, long conversation, String body) {
        JsonObject ack = socket.requestKeepingOthers(
                Json.object(
                        "type",
                        "send",
                        "id",
                        Names.unique("s"),
                        "conversation",
                        conversation,
                        "clientMessageId",
                        Names.unique("a"),
                        "body",
                        body),
                WAIT);
        assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
        return ack;
    }

    /** The assistant's message quoting the one acknowledged by {@code ack}. */
    private static JsonObject answerTo(WsClient socket, long assistant, JsonObject ack) {
        long seq = ack.getJsonNumber("seq").longValue();
        long conversation = ack.getJsonNumber("conversation").longValue();
        return socket.next(
                        f -> "message".equals(f.getString("type"))
                                && f.getJsonObject("message").getJsonNumber("sender") != null
                                && f.getJsonObject("message")
                                                .getJsonNumber("sender")
                                                .longValue()
                                        == assistant
                                && f.getJsonObject("message")
                                                .getJsonNumber("conversation")
                                                .longValue()
                                        == conversation
                                && f.getJsonObject("message").getJsonNumber("replyTo") != null
                                && f.getJsonObject("message")
                                                .getJsonNumber("replyTo")
                                                .longValue()
                                        == seq,
                        WAIT)
                .getJsonObject("message");
    }
}

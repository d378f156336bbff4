package chat.plume.bots;

import static chat.plume.testing.Api.expect;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Bots, black box: a person makes a bot and gets its token once; the bot uses the same REST API
 * and WebSocket protocol as people, with that token; it is added like anyone, answers in a group,
 * cannot start anything with strangers, is paced, and stops at once when its token is revoked.
 */
@RunAsClient
class BotsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aBotConnectedOverTheWebSocketAnswersInAGroup() {
        Person owner = Person.create(api, "Owner");
        Person bot = owner.createBot("echo", "Echo");
        Person carol = Person.create(api, "Carol");
        Person.befriend(owner, carol);
        // People add a bot like anyone: a friend request it accepts, with its own token.
        Person.befriend(owner, bot);
        assertThat(Person.ok(200, carol.get("/users/" + bot.username())).getBoolean("bot"))
                .isTrue();
        assertThat(Person.ok(200, carol.get("/users/" + owner.username())).containsKey("bot"))
                .isFalse();

        long group = owner.createGroup("有机器人的群", carol, bot);
        long conversation = owner.conversationOfGroup(group);
        try (WsClient botSocket = bot.connect();
                WsClient carolSocket = carol.connect()) {
            carol.sendText(conversation, Names.unique("c"), "echo: 你好");
            JsonObject heard = botSocket.next(
                    f -> "message".equals(f.getString("type"))
                            && f.getJsonObject("message").getString("body", "").equals("echo: 你好"),
                    WAIT);
            assertThat(heard.getJsonObject("message")
                            .getJsonNumber("conversation")
                            .longValue())
                    .isEqualTo(conversation);
            JsonObject ack = botSocket.request(
                    Json.object(
                            "type", "send",
                            "id", "b1",
                            "conversation", conversation,
                            "clientMessageId", Names.unique("b"),
                            "body", "你好 (from a bot)"),
                    WAIT);
            assertThat(ack.getString("type")).isEqualTo("ack");
            JsonObject answer = carolSocket.next(
                    f -> "message".equals(f.getString("type"))
                            && f.getJsonObject("message").getString("body", "").equals("你好 (from a bot)"),
                    WAIT);
            assertThat(answer.getJsonObject("message").getJsonNumber("sender").longValue())
                    .isEqualTo(bot.id());
        }
    }

    @Test
    void aBotCannotStartAnythingWithStrangersNorMakeBots() {
        Person owner = Person.create(api, "Owner");
        Person bot = owner.createBot("shy", "Shy");
        Person stranger = Person.create(api, "Stranger");
        assertProblem(bot.post("/friend-requests", Json.object("userId", stranger.id())), 403, "bot_forbidden");
        assertProblem(
                bot.post("/bots", Json.object("username", Names.unique("b"), "displayName", "B")),
                403,
                "bot_forbidden");
        // No direct conversation with someone who is not a friend.
        assertThat(bot.post("/conversations", Json.object("userId", stranger.id()))
                        .statusCode())
                .isIn(403, 404);
        // A bot has no password anyone knows, and cannot be given one through a mailed reset link.
        assertProblem(bot.put("/me/email", Json.object("email", "bot@mail.plume.test")), 403, "bot_forbidden");
        assertProblem(api.signIn(bot.username(), "pass-" + bot.username()), 401, "invalid_credentials");
    }

    @Test
    void onlyTheOwnerSeesAndChangesABotAndARevokedTokenStopsItAtOnce() {
        Person owner = Person.create(api, "Owner");
        Person other = Person.create(api, "Other");
        Person bot = owner.createBot("keeper", "Keeper");
        assertProblem(other.get("/bots/" + bot.id()), 404, "bot_not_found");
        assertProblem(other.post("/bots/" + bot.id() + "/token", null), 404, "bot_not_found");
        assertProblem(other.delete("/bots/" + bot.id()), 404, "bot_not_found");

        JsonObject updated = Person.ok(
                200,
                owner.put("/bots/" + bot.id(), Json.object("displayName", "Keeper 2", "description", "keeps things")));
        assertThat(updated.getString("displayName")).isEqualTo("Keeper 2");
        assertThat(updated.getString("description")).isEqualTo("keeps things");
        JsonObject list = Person.ok(200, owner.get("/bots"));
        assertThat(list.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(list.getJsonArray("items").getJsonObject(0).getString("username"))
                .isEqualTo(bot.username());
        assertThat(list.toString()).doesNotContain("token");

        try (WsClient socket = bot.connect()) {
            String newToken = Person.ok(200, owner.post("/bots/" + bot.id() + "/token", null))
                    .getString("token");
            assertThat(socket.awaitClose(WAIT).code()).isEqualTo(1008);
            assertProblem(bot.get("/me"), 401, "unauthenticated");
            Person again = new Person(api, bot.id(), bot.username(), newToken);
            assertThat(Person.ok(200, again.get("/me")).getBoolean("bot")).isTrue();
            expect(204, owner.delete("/bots/" + bot.id() + "/token"));
            assertProblem(again.get("/me"), 401, "unauthenticated");
        }
        expect(204, owner.delete("/bots/" + bot.id()));
        assertProblem(owner.get("/bots/" + bot.id()), 404, "bot_not_found");
        assertThat(Person.ok(200, owner.get("/bots")).getJsonNumber("total").longValue())
                .isZero();
    }

    @Test
    void aBotIsPacedPerConversation() {
        Person owner = Person.create(api, "Owner");
        Person bot = owner.createBot("chatty", "Chatty");
        Person.befriend(owner, bot);
        long conversation = bot.conversationWith(owner);
        List<String> outcomes = new ArrayList<>();
        try (WsClient socket = bot.connect()) {
            for (int i = 0; i < 12; i++) {
                JsonObject answer = socket.request(
                        Json.object(
                                "type",
                                "send",
                                "id",
                                "p" + i,
                                "conversation",
                                conversation,
                                "clientMessageId",
                                Names.unique("p"),
                                "body",
                                "spam " + i),
                        WAIT);
                outcomes.add(answer.getString("type").equals("ack") ? "ack" : answer.getString("code"));
            }
        }
        // A burst of five, then about one a second: twelve at once are not all stored.
        assertThat(outcomes.subList(0, 5)).containsOnly("ack");
        assertThat(outcomes).contains("bot_rate_limited");
        // People are not paced like that.
        for (int i = 0; i < 8; i++) {
            assertThat(owner.sendText(conversation, Names.unique("o"), "person " + i)
                            .getString("type"))
                    .isEqualTo("ack");
        }
    }

    @Test
    void badInputIsRefusedByName() {
        Person owner = Person.create(api, "Owner");
        assertProblem(
                owner.post("/bots", Json.object("username", "no spaces", "displayName", "X")),
                400,
                "invalid_input",
                "username");
        assertProblem(
                owner.post("/bots", Json.object("username", Names.unique("b"), "displayName", " ")),
                400,
                "invalid_input",
                "displayName");
        assertProblem(
                owner.post(
                        "/bots",
                        Json.object("username", Names.unique("b"), "displayName", "X", "description", "x".repeat(501))),
                400,
                "invalid_input",
                "description");
        assertProblem(
                owner.post("/bots", Json.object("username", owner.username().toUpperCase(), "displayName", "X")),
                409,
                "username_taken");
        assertProblem(api.send("GET", "/bots", null, "plm_" + "x".repeat(43)), 401, "unauthenticated");
    }
}

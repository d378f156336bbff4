package chat.plume.bots.events;

import static chat.plume.testing.Api.expect;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Await;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.MailServer;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WebhookReceiver;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outgoing events, black box, with a real HTTP server on loopback as the bot's receiver: a
 * delivery signed the Standard Webhooks way (checked here with the secret), retried after a 500
 * under the same webhook-id, the receiver's reply posted as the bot; a slash command addressed to
 * the bot; a subscription disabled after repeated failures (a redirect among them, not followed)
 * and its owner told by mail, turned on again and a delivery replayed; private addresses refused.
 */
@RunAsClient
class BotEventsIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSignedDeliveryIsRetriedAfterA500AndItsReplyIsPosted() throws Exception {
        // A path of its own: deliveries still being retried from an earlier run go elsewhere.
        String eventsPath = "/" + Names.unique("events");
        Person owner = Person.create(api, "Hooked");
        Person bot = owner.createBot("relay", "Relay");
        Person.befriend(owner, bot);
        long chat = owner.conversationWith(bot);
        JsonObject made = subscribe(owner, bot, eventsPath, "message.created", "command");
        String secret = made.getString("secret");
        assertThat(secret).startsWith("whsec_");

        receiver.answer(eventsPath, WebhookReceiver.status(500), WebhookReceiver.json(200, "{\"text\":\"pong\"}"));
        owner.sendText(chat, Names.unique("p"), "ping");
        WebhookReceiver.Received first = receiver.next(eventsPath, WAIT);
        assertThat(first.id()).startsWith("evt_");
        assertThat(Math.abs(Long.parseLong(first.timestamp()) - Instant.now().getEpochSecond()))
                .isLessThan(60);
        assertThat(verify(secret, first)).isTrue();
        JsonObject event = Json.parse(first.body());
        assertThat(event.getString("type")).isEqualTo("message.created");
        assertThat(event.getJsonObject("data").getString("body")).isEqualTo("ping");
        assertThat(event.getJsonObject("data").getJsonNumber("conversation").longValue())
                .isEqualTo(chat);

        WebhookReceiver.Received retried = receiver.next(eventsPath, WAIT);
        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(verify(secret, retried)).isTrue();
        Await.until(
                WAIT,
                "the receiver's reply in the chat",
                () -> owner.history(chat, 0).stream()
                        .anyMatch(m -> m.getString("body", "").equals("pong")
                                && m.getJsonNumber("sender").longValue() == bot.id()));

        JsonObject deliveries = Person.ok(200, owner.get("/bots/" + bot.id() + "/deliveries"));
        JsonObject delivered = deliveries.getJsonArray("items").getJsonObject(0);
        assertThat(delivered.getString("status")).isEqualTo("delivered");
        assertThat(delivered.getInt("statusCode")).isEqualTo(200);
        assertThat(delivered.getInt("attempts")).isEqualTo(2);

        // A slash command in a chat with the bot is a command event too.
        owner.sendText(chat, Names.unique("c"), "/weather 上海");
        // Two events of one message: they may arrive in either order (deliveries go out side by side).
        java.util.Map<String, WebhookReceiver.Received> byType = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            WebhookReceiver.Received one = receiver.next(eventsPath, WAIT);
            byType.put(Json.parse(one.body()).getString("type"), one);
        }
        assertThat(byType).containsOnlyKeys("message.created", "command");
        WebhookReceiver.Received command = byType.get("command");
        JsonObject commandEvent = Json.parse(command.body());
        assertThat(commandEvent.getString("type")).isEqualTo("command");
        assertThat(commandEvent.getJsonObject("data").getString("command")).isEqualTo("/weather");
        assertThat(commandEvent.getJsonObject("data").getString("text")).isEqualTo("上海");
        assertThat(verify(secret, command)).isTrue();
    }

    @Test
    void repeatedFailuresDisableTheSubscriptionAndTellTheOwner() throws Exception {
        String flakyPath = "/" + Names.unique("flaky");
        try (MailServer mail = MailServer.start()) {
            Person owner = Person.create(api, "Broken");
            String address = owner.username().toLowerCase(Locale.ROOT) + "@mail.plume.test";
            expect(202, owner.put("/me/email", Json.object("email", address)));
            expect(
                    200,
                    api.send(
                            "POST",
                            "/email-verifications",
                            Json.object("token", mail.await(address, WAIT).token("verify-email")),
                            null));
            Person bot = owner.createBot("flaky", "Flaky");
            Person.befriend(owner, bot);
            long chat = owner.conversationWith(bot);
            JsonObject made = subscribe(owner, bot, flakyPath, "message.created");
            long subscription =
                    made.getJsonObject("subscription").getJsonNumber("id").longValue();

            // A redirect is not followed: it counts as a failure, like the 500s (3 in a row here).
            receiver.answer(
                    flakyPath,
                    new WebhookReceiver.Answer(302, java.util.Map.of("Location", "http://127.0.0.1:1/elsewhere"), ""),
                    WebhookReceiver.status(500),
                    WebhookReceiver.status(503));
            owner.sendText(chat, Names.unique("f"), "will fail");
            String eventId = receiver.next(flakyPath, WAIT).id();
            assertThat(receiver.next(flakyPath, WAIT).id()).isEqualTo(eventId);
            assertThat(receiver.next(flakyPath, WAIT).id()).isEqualTo(eventId);
            Await.until(
                    WAIT,
                    "the subscription to be disabled",
                    () -> Person.okArray(200, owner.get("/bots/" + bot.id() + "/subscriptions"))
                            .getJsonObject(0)
                            .containsKey("disabledAt"));
            JsonObject disabled = Person.okArray(200, owner.get("/bots/" + bot.id() + "/subscriptions"))
                    .getJsonObject(0);
            assertThat(disabled.getString("disabledReason"))
                    .contains("3 deliveries in a row failed")
                    .contains("503");
            MailServer.Received told = mail.await(address, 2, WAIT);
            assertThat(told.subject()).isEqualTo("Your bot's event deliveries were stopped");
            assertThat(told.text()).contains("@" + bot.username()).contains(WebhookReceiver.url(flakyPath));

            JsonObject failed = Person.ok(200, owner.get("/bots/" + bot.id() + "/deliveries"))
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertThat(failed.getInt("statusCode")).isEqualTo(503);
            long deliveryId = failed.getJsonNumber("id").longValue();
            assertProblem(
                    owner.post("/bots/" + bot.id() + "/deliveries/" + deliveryId + "/replay", null),
                    409,
                    "subscription_disabled");

            // Turned on again, the delivery is sent again from the bot's page: the same event.
            Person.ok(200, owner.post("/bots/" + bot.id() + "/subscriptions/" + subscription + "/enable", null));
            expect(202, owner.post("/bots/" + bot.id() + "/deliveries/" + deliveryId + "/replay", null));
            WebhookReceiver.Received replayed = receiver.next(flakyPath, WAIT);
            assertThat(replayed.id()).isEqualTo(eventId);
            assertThat(Json.parse(replayed.body()).getJsonObject("data").getString("body"))
                    .isEqualTo("will fail");
        }
    }

    @Test
    void aSlowOrHugeAnswerSlowsNobodysChat() {
        String slowPath = "/" + Names.unique("slow");
        Person owner = Person.create(api, "Patient");
        Person friend = Person.create(api, "Patient");
        Person.befriend(owner, friend);
        Person bot = owner.createBot("slow", "Slow");
        Person.befriend(owner, bot);
        long withBot = owner.conversationWith(bot);
        long withFriend = owner.conversationWith(friend);
        subscribe(owner, bot, slowPath, "message.created");
        receiver.answer(
                slowPath,
                WebhookReceiver.SILENCE,
                WebhookReceiver.json(200, "{\"text\":\"" + "x".repeat(200_000) + "\"}"));
        owner.sendText(withBot, Names.unique("s"), "are you slow?");
        String eventId = receiver.next(slowPath, WAIT).id();
        // While the receiver holds the delivery, chat goes on as fast as ever.
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(owner.sendText(withFriend, Names.unique("n"), "still here " + i)
                            .getString("type"))
                    .isEqualTo("ack");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        // The held delivery timed out (3 s here) and was tried again; the huge answer is cut, not posted.
        assertThat(receiver.next(slowPath, WAIT).id()).isEqualTo(eventId);
        Await.until(
                WAIT,
                "the retried delivery to be recorded",
                () -> Person.ok(200, owner.get("/bots/" + bot.id() + "/deliveries"))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("status")
                        .equals("delivered"));
        JsonObject delivered = Person.ok(200, owner.get("/bots/" + bot.id() + "/deliveries"))
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(delivered.getInt("attempts")).isEqualTo(2);
        assertThat(owner.history(withBot, 0))
                .noneMatch(m -> m.getString("body", "").startsWith("xxxx"));
    }

    @Test
    void privateAddressesAndTheWrongPeopleAreRefused() {
        Person owner = Person.create(api, "Careful");
        Person bot = owner.createBot("ssrf", "Ssrf");
        Person other = Person.create(api, "Other");
        for (String url : new String[] {
            "http://127.0.0.1:" + WebhookReceiver.PORT + "/events",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:" + WebhookReceiver.PORT + "/",
            "http://10.0.0.1/hook",
            "http://[::ffff:127.0.0.1]/hook"
        }) {
            assertProblem(
                    owner.post(
                            "/bots/" + bot.id() + "/subscriptions",
                            "{\"url\":\"" + url + "\",\"events\":[\"message.created\"]}"),
                    400,
                    "webhook_url_forbidden",
                    "url");
        }
        assertProblem(
                owner.post(
                        "/bots/" + bot.id() + "/subscriptions",
                        "{\"url\":\"ftp://example.com/\",\"events\":[\"message.created\"]}"),
                400,
                "webhook_url_forbidden",
                "url");
        assertProblem(
                owner.post(
                        "/bots/" + bot.id() + "/subscriptions",
                        "{\"url\":\"" + WebhookReceiver.url("/x") + "\",\"events\":[\"everything\"]}"),
                400,
                "invalid_input",
                "events");
        assertProblem(
                other.post(
                        "/bots/" + bot.id() + "/subscriptions",
                        "{\"url\":\"" + WebhookReceiver.url("/x") + "\",\"events\":[\"message.created\"]}"),
                404,
                "bot_not_found");
        assertProblem(other.get("/bots/" + bot.id() + "/deliveries"), 404, "bot_not_found");
        assertProblem(
                bot.post(
                        "/bots/" + bot.id() + "/subscriptions",
                        "{\"url\":\"" + WebhookReceiver.url("/x") + "\",\"events\":[\"message.created\"]}"),
                403,
                "bot_forbidden");
    }

    /** Subscribes {@code bot} to {@code events} at {@code path} of the receiver; returns the answer (with the secret). */
    private static JsonObject subscribe(Person owner, Person bot, String path, String... events) {
        String list = String.join("\",\"", events);
        return Person.ok(
                201,
                owner.post(
                        "/bots/" + bot.id() + "/subscriptions",
                        "{\"url\":\"" + WebhookReceiver.url(path) + "\",\"events\":[\"" + list + "\"]}"));
    }

    /** The Standard Webhooks check a receiver makes, written here apart from Plume's own code. */
    private static boolean verify(String secret, WebhookReceiver.Received delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                                .getBytes(StandardCharsets.UTF_8)));
        for (String signature : delivery.signature().split(" ")) {
            if (signature.equals(expected)) {
                return true;
            }
        }
        return false;
    }
}

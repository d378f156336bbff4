package chat.plume.system;

import static chat.plume.testing.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.Await;
import chat.plume.testing.Json;
import chat.plume.testing.MailServer;
import chat.plume.testing.Person;
import chat.plume.testing.ServerProcess;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Black box, with a server of its own: accounts, sessions and every acknowledged message are
 * still there after the server is killed without warning (SIGKILL, no shutdown hooks) right
 * after the last acknowledgement (and right after a REST write was answered), and started again;
 * and a mail committed to the outbox before the kill, while no mail server could take it, is
 * sent after the restart, and a reminder set before the kill is said after it.
 * Answers and pushes wait until the commit is on disk; H2 itself writes only every half second.
 */
class DurabilityIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int MAIL_PORT = 3225;
    private static final String MAILBOX = "durable@mail.plume.test";

    @Test
    void everythingAcknowledgedSurvivesAKilledServer() {
        try (ServerProcess server = new ServerProcess(Path.of("target", "restart-it"), 200)) {
            // Mail goes to an SMTP port where nothing listens yet: what is queued before the
            // kill can only be sent after the restart.
            server.environment("PLUME_MAIL_HOST", "127.0.0.1")
                    .environment("PLUME_MAIL_PORT", Integer.toString(MAIL_PORT))
                    .environment("PLUME_MAIL_TLS", "none")
                    .environment("PLUME_MAIL_FIRST_RETRY_SECONDS", "1")
                    .environment("PLUME_MAIL_LAST_RETRY_SECONDS", "2")
                    .environment("PLUME_MAIL_MAX_ATTEMPTS", "100")
                    .environment("PLUME_PUBLIC_URL", server.base().toString());
            server.start(STARTUP);
            Api api = new Api(server.base());
            Person alice = Person.create(api, "Durable");
            Person bob = Person.create(api, "Durable2");
            Person.befriend(alice, bob);
            long conversation = Person.ok(200, alice.post("/conversations", Json.object("userId", bob.id())))
                    .getJsonNumber("id")
                    .longValue();
            long assistant = Person.ok(200, alice.get("/bots/assistant"))
                    .getJsonNumber("id")
                    .longValue();
            long withAssistant = alice.befriendAssistant(assistant);
            List<Long> acknowledged = new ArrayList<>();
            try (WsClient ws = alice.connect()) {
                // A reminder set before the kill, due after the restart.
                ws.request(
                        Json.object(
                                "type", "send",
                                "id", "r1",
                                "conversation", withAssistant,
                                "clientMessageId", "durable-reminder",
                                "body", "/remind 30s 重启之后"),
                        WAIT);
                ws.next(
                        f -> "message".equals(f.getString("type"))
                                && f.getJsonObject("message")
                                        .getString("body", "")
                                        .startsWith("⏰ I'll remind"),
                        WAIT);
                for (int i = 1; i <= 25; i++) {
                    JsonObject ack = ws.request(
                            Json.object(
                                    "type",
                                    "send",
                                    "id",
                                    "d" + i,
                                    "conversation",
                                    conversation,
                                    "clientMessageId",
                                    "durable-" + i,
                                    "body",
                                    "持久 " + i),
                            WAIT);
                    assertThat(ack.getString("type")).isEqualTo("ack");
                    acknowledged.add(ack.getJsonNumber("seq").longValue());
                }
                Person.ok(200, alice.put("/me", Json.object("displayName", "写完就杀")));
                // Committed with its mail in the outbox; the mail server is not there to take it.
                expect(202, alice.put("/me/email", Json.object("email", MAILBOX)));
                server.kill();
            }
            try (MailServer mail = MailServer.start(MAIL_PORT)) {
                server.start(STARTUP);
                Await.until(
                        Duration.ofSeconds(60),
                        "the reminder set before the kill",
                        () -> alice.history(withAssistant, 0).stream()
                                .anyMatch(m -> m.getString("body", "").equals("⏰ 重启之后")));
                String token = mail.await(MAILBOX, Duration.ofSeconds(60)).token("verify-email");
                expect(200, api.send("POST", "/email-verifications", Json.object("token", token), null));
                assertThat(Api.json(expect(200, alice.get("/me"))).getString("email"))
                        .isEqualTo(MAILBOX);
            }

            JsonObject me = Api.json(expect(200, alice.get("/me")));
            assertThat(me.getString("username")).isEqualTo(alice.username());
            assertThat(me.getString("displayName")).isEqualTo("写完就杀");
            expect(201, api.signIn(bob.username(), "pass-" + bob.username()));
            JsonObject page = Person.ok(200, bob.get("/conversations/" + conversation + "/messages?after=0&limit=100"));
            List<Long> stored = page.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                    .map(m -> m.getJsonNumber("seq").longValue())
                    .toList();
            assertThat(stored).containsExactlyElementsOf(acknowledged);
            assertThat(page.getJsonArray("messages").getJsonObject(24).getString("body"))
                    .isEqualTo("持久 25");
        }
    }
}

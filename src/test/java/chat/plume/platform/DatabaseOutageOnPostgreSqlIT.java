package chat.plume.platform;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Await;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while Plume runs, and comes back (the PostgreSQL leg: the real
 * PostgreSQL is stopped and started with the commands in pom.xml). While it is away the readiness
 * probe says so and every request that needs it is answered {@code unavailable} (503 with
 * {@code Retry-After} over REST, an error frame naming the request over the WebSocket), never a
 * 500 or silence; when it is back, service resumes by itself — no restart, no stale connection
 * handed out.
 */
@RunAsClient
class DatabaseOutageOnPostgreSqlIT extends ClientTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anOutageIsReportedAsUnavailableAndServiceResumesWhenTheDatabaseReturns() throws Exception {
        Person alice = Person.create(api, "Outage");
        Person bob = Person.create(api, "Outage");
        Person.befriend(alice, bob);
        long conversation = alice.conversationWith(bob);
        assertThat(ready()).isEqualTo(200);

        try (WsClient socket = alice.connect()) {
            run("plume.it.postgresql.stop");
            try {
                Await.until(WAIT, "readiness to fail", () -> ready() == 503);

                HttpResponse<String> me = alice.get("/me");
                assertThat(me.statusCode()).as(me.body()).isEqualTo(503);
                assertThat(me.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(Json.parse(me.body()).getString("code")).isEqualTo("unavailable");
                assertThat(me.headers().firstValue("Retry-After")).isPresent();

                JsonObject refused = socket.request(send(conversation, "outage-1"), WAIT);
                assertThat(refused.getString("type")).as(refused.toString()).isEqualTo("error");
                assertThat(refused.getString("code")).as(refused.toString()).isEqualTo("unavailable");

                // A new connection cannot have its session checked: "try again later", not "sign in".
                try (WsClient late = WsClient.connect(api.base(), bob.token())) {
                    assertThat(late.awaitClose(WAIT)).isEqualTo(new WsClient.Closed(1013, "unavailable"));
                }
            } finally {
                run("plume.it.postgresql.start");
            }

            Await.until(WAIT, "readiness to come back", () -> ready() == 200);
            assertThat(alice.get("/me").statusCode()).isEqualTo(200);
            JsonObject ack = socket.request(send(conversation, "outage-1"), WAIT);
            assertThat(ack.getString("type")).as(ack.toString()).isEqualTo("ack");
            // The refused send left nothing behind: the retry is the only copy.
            JsonObject page = Person.ok(200, bob.get("/conversations/" + conversation + "/messages"));
            assertThat(page.getJsonArray("messages")).hasSize(1);
        }
    }

    private int ready() {
        return api.send("GET", "/health/ready", null, null).statusCode();
    }

    private static String send(long conversation, String clientMessageId) {
        return Json.object(
                "type",
                "send",
                "id",
                clientMessageId,
                "conversation",
                conversation,
                "clientMessageId",
                clientMessageId,
                "body",
                "are you there?");
    }

    /** Runs the shell command in the named system property (pom.xml: pg_ctlcluster …). */
    private static void run(String property) throws IOException, InterruptedException {
        String command = System.getProperty(property);
        Process process = new ProcessBuilder(List.of("sh", "-c", command))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(command + ": " + output).isZero();
    }
}

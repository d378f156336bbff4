package chat.plume.admin;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Person.ok;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Await;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The dashboard's figures: kept samples, and new ones pushed live as server-sent events. */
@RunAsClient
class DashboardIT extends ClientTestBase {

    @Test
    void samplesAreKeptAndStreamedLiveShowingTraffic() throws Exception {
        Person admin = Person.admin(api);
        Person alice = Person.create(api, "DashA");
        Person bob = Person.create(api, "DashB");
        befriend(alice, bob);
        long conversation = alice.conversationWith(bob);
        Await.until(
                Duration.ofSeconds(15),
                "a first sample",
                () -> !ok(200, admin.get("/admin/dashboard"))
                        .getJsonArray("samples")
                        .isEmpty());

        // A connection the test closes itself when done (an open stream would hold the undeployment).
        HttpURLConnection stream =
                (HttpURLConnection) URI.create(url.toString().replaceAll("/$", "") + "/api/v1/admin/dashboard/stream")
                        .toURL()
                        .openConnection();
        stream.setRequestProperty("Authorization", "Bearer " + admin.token());
        stream.setRequestProperty("Accept", "text/event-stream");
        stream.setReadTimeout(30_000);
        try (WsClient bobPage = bob.connect()) {
            assertThat(stream.getResponseCode()).isEqualTo(200);
            assertThat(stream.getContentType()).startsWith("text/event-stream");
            // Traffic while the stream is open: a later sample counts it.
            for (int i = 0; i < 5; i++) {
                alice.sendText(conversation, "dash-" + i, "hello " + i);
                bobPage.next("message", Duration.ofSeconds(10));
            }
            BufferedReader events =
                    new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
            JsonObject busy = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (String line; busy == null && System.nanoTime() < deadline && (line = events.readLine()) != null; ) {
                if (line.startsWith("data:")) {
                    JsonObject sample =
                            Json.parse(line.substring("data:".length()).strip());
                    assertThat(sample.getString("node")).isNotBlank();
                    assertThat(sample.getInt("connections")).isGreaterThanOrEqualTo(0);
                    if (sample.getJsonNumber("sentPerSecond").doubleValue() > 0) {
                        busy = sample;
                    }
                }
            }
            assertThat(busy).as("a streamed sample that saw the messages").isNotNull();
            assertThat(busy.getJsonNumber("heapUsedBytes").doubleValue()).isPositive();
            assertThat(busy.getJsonNumber("deliveredPerSecond").doubleValue()).isPositive();
        } finally {
            stream.disconnect();
        }
    }
}

package chat.plume.admin;

import static chat.plume.testing.Person.befriend;
import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus reads it: parsed by the Prometheus project's own text-format
 * parser (its Python client), with the documented names present, every series labelled with its
 * node, and the counters moving when messages are sent. The IT server allows no client address
 * (only 198.51.100.0/24, a documentation range), so access here is by the bearer token alone.
 */
@RunAsClient
class MetricsIT extends ClientTestBase {

    private static final String TOKEN = "metrics-token-for-tests";
    private static final List<String> DOCUMENTED = List.of(
            "plume_connections",
            "plume_people_online",
            "plume_messages_sent",
            "plume_messages_delivered",
            "plume_ws_frames_received",
            "plume_ws_frames_sent",
            "plume_sign_ins",
            "plume_writer_queue_depth",
            "plume_writer_batch_size",
            "plume_http_server_requests_seconds",
            "plume_db_pool_in_use",
            "jvm_memory_used_bytes",
            "jvm_gc_memory_allocated_bytes",
            "process_uptime_seconds");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void metricsAreRefusedWithoutTheTokenFromAnAddressNotAllowed() throws Exception {
        assertProblem(scrape(null), 403, "metrics_forbidden");
        assertProblem(scrape("Bearer wrong-token"), 403, "metrics_forbidden");
        assertProblem(scrape("Bearer " + TOKEN.substring(0, TOKEN.length() - 1)), 403, "metrics_forbidden");
        assertThat(scrape("Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theExpositionParsesAndItsCountersMoveWithTraffic() throws Exception {
        HttpResponse<String> first = scrape("Bearer " + TOKEN);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        JsonObject before = parse(first.body());

        Person alice = Person.create(api, "MetricsA");
        Person bob = Person.create(api, "MetricsB");
        befriend(alice, bob);
        long conversation = alice.conversationWith(bob);
        try (WsClient bobPage = bob.connect()) {
            for (int i = 0; i < 3; i++) {
                assertThat(alice.sendText(conversation, "metrics-" + i, "counted " + i)
                                .getString("type"))
                        .isEqualTo("ack");
                bobPage.next("message", Duration.ofSeconds(10));
            }
            JsonObject after = parse(scrape("Bearer " + TOKEN).body());
            for (String name : DOCUMENTED) {
                assertThat(after.containsKey(name))
                        .as(name + " among " + after.keySet())
                        .isTrue();
            }
            assertThat(after.getJsonObject("plume_messages_sent").getString("type"))
                    .isEqualTo("counter");
            assertThat(after.getJsonObject("plume_http_server_requests_seconds").getString("type"))
                    .isEqualTo("histogram");
            assertThat(samples(after, "jvm_memory_used_bytes")
                            .getJsonArray(0)
                            .getJsonObject(1)
                            .getString("node"))
                    .isNotBlank();
            assertThat(total(after, "plume_messages_sent", "plume_messages_sent_total")
                            - total(before, "plume_messages_sent", "plume_messages_sent_total"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(total(after, "plume_messages_delivered", "plume_messages_delivered_total")
                            - total(before, "plume_messages_delivered", "plume_messages_delivered_total"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(labelled(after, "plume_ws_frames_received", "type", "send"))
                    .isGreaterThanOrEqualTo(labelled(before, "plume_ws_frames_received", "type", "send") + 3);
            assertThat(labelled(after, "plume_ws_frames_sent", "type", "ack"))
                    .isGreaterThanOrEqualTo(labelled(before, "plume_ws_frames_sent", "type", "ack") + 3);
            assertThat(labelled(after, "plume_sign_ins", "outcome", "success"))
                    .isGreaterThanOrEqualTo(labelled(before, "plume_sign_ins", "outcome", "success") + 2);
            assertThat(total(after, "plume_connections", "plume_connections")).isGreaterThanOrEqualTo(1);
            // Routes are templates, never a request's own ids.
            assertThat(samples(after, "plume_http_server_requests_seconds").getValuesAs(JsonArray.class).stream()
                            .map(s -> s.getJsonObject(1).getString("route", ""))
                            .filter(r -> !r.isEmpty())
                            .toList())
                    .contains("/conversations")
                    .noneMatch(r -> r.matches(".*/\\d+.*"));
        }
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(url.toString().replaceAll("/$", "") + "/metrics"))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The exposition as the Prometheus client's parser reads it. */
    private static JsonObject parse(String exposition) throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/prometheus/parse.py");
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString()).start();
        python.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as("the parser's verdict: " + err).isZero();
        return Json.parse(out);
    }

    private static JsonArray samples(JsonObject families, String family) {
        return families.getJsonObject(family).getJsonArray("samples");
    }

    private static double total(JsonObject families, String family, String sample) {
        if (!families.containsKey(family)) {
            return 0;
        }
        return samples(families, family).getValuesAs(JsonArray.class).stream()
                .filter(s -> s.getString(0).equals(sample))
                .mapToDouble(s -> s.getJsonNumber(2).doubleValue())
                .sum();
    }

    private static double labelled(JsonObject families, String family, String label, String value) {
        if (!families.containsKey(family)) {
            return 0;
        }
        return samples(families, family).getValuesAs(JsonArray.class).stream()
                .filter(s -> s.getString(0).endsWith("_total")
                        && value.equals(s.getJsonObject(1).getString(label, null)))
                .mapToDouble(s -> s.getJsonNumber(2).doubleValue())
                .sum();
    }
}

package chat.plume.bots.events;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes one delivery: checks the address is allowed (again: a name can start pointing elsewhere),
 * POSTs the payload signed the Standard Webhooks way, never follows a redirect, and reads at most
 * {@value #MAX_ANSWER} bytes of the answer within the timeout. A 2xx answer whose body is
 * {@code {"text": "…"}} is the bot's reply.
 */
public class EventSender {

    static final int MAX_ANSWER = 16 * 1024;

    /** How a delivery went: a status (or none: no answer), why it failed, and a reply to post. */
    public record Outcome(Integer status, String error, boolean permanent, String reply) {

        public boolean delivered() {
            return error == null;
        }
    }

    private final EventSettings settings;
    private final PublicAddresses addresses;
    private final ScheduledExecutorService watchdog;
    private final HttpClient http;

    public EventSender(EventSettings settings, PublicAddresses addresses, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.addresses = addresses;
        this.watchdog = watchdog;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Outcome deliver(String url, List<String> secrets, String eventId, String payload) {
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "The address is not a URL.", true, null);
        }
        Optional<String> refusal = addresses.refusal(target);
        if (refusal.isPresent()) {
            return new Outcome(null, refusal.get(), true, null);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Plume-Webhooks/1")
                .header("webhook-id", eventId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.header(secrets, eventId, timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "No answer within " + settings.timeout().toSeconds() + " s.", false, null);
        } catch (IOException e) {
            return new Outcome(null, "Could not connect: " + e.getClass().getSimpleName(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted.", false, null);
        }
        String body;
        try (InputStream in = response.body()) {
            ScheduledFuture<?> deadline =
                    watchdog.schedule(() -> close(in), settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                body = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            body = "";
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return new Outcome(
                    status,
                    "Answered HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""),
                    false,
                    null);
        }
        return new Outcome(status, null, false, reply(body));
    }

    /** {@code text} of an answer {@code {"text": "…"}}, or null. */
    static String reply(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject answer = value.asJsonObject();
            JsonValue text = answer.get("text");
            return text instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // The watchdog stops a slow answer by closing it; nothing more to do.
        }
    }
}

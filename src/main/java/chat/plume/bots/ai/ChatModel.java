package chat.plume.bots.ai;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client of an OpenAI-compatible {@code /chat/completions} endpoint: asks with
 * {@code stream: true} and reads server-sent events as they come (a server that answers in one
 * JSON document instead is read as such). Everything is bounded: the whole answer must come
 * within the timeout (a watchdog closes the stream), at most {@value #MAX_CHARS} characters are
 * kept and at most {@value #MAX_BYTES} bytes read, and no redirect is followed.
 */
public class ChatModel {

    static final int MAX_CHARS = 4000;
    static final int MAX_BYTES = 1 << 20;

    /** One message of the conversation as the model sees it: {@code system}, {@code user} or {@code assistant}. */
    public record Turn(String role, String content) {}

    /** The model did not answer: a sentence for the chat, without secrets or internals. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final AiSettings settings;
    private final ScheduledExecutorService watchdog;
    private final HttpClient http;

    public ChatModel(AiSettings settings, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.watchdog = watchdog;
        this.http = HttpClient.newBuilder()
                .connectTimeout(
                        Duration.ofSeconds(Math.min(10, settings.timeout().toSeconds())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Asks for an answer; {@code progress} gets the answer so far each time it grows. Returns the whole answer. */
    public String answer(List<Turn> turns, Consumer<String> progress) throws Failure {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        turns.forEach(t ->
                messages.add(Json.createObjectBuilder().add("role", t.role()).add("content", t.content())));
        String body = Json.createObjectBuilder()
                .add("model", settings.model())
                .add("messages", messages)
                .add("stream", true)
                .build()
                .toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.completions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Failure(
                    "The AI model did not answer within " + settings.timeout().toSeconds() + " s.");
        } catch (IOException e) {
            throw new Failure("The AI model cannot be reached right now.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("The AI model did not answer.");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new Failure("The AI model answered with an error (HTTP " + response.statusCode() + ").");
            }
            ScheduledFuture<?> deadline =
                    watchdog.schedule(() -> close(in), settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                boolean events = response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .toLowerCase()
                        .startsWith("text/event-stream");
                return events ? readEvents(in, progress) : readDocument(in, progress);
            } catch (IOException e) {
                throw deadline.isDone()
                        ? new Failure("The AI model did not finish within "
                                + settings.timeout().toSeconds() + " s.")
                        : new Failure("The AI model's answer broke off.");
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            throw new Failure("The AI model's answer broke off.");
        }
    }

    private static String readEvents(InputStream in, Consumer<String> progress) throws IOException, Failure {
        BufferedReader lines = new BufferedReader(new InputStreamReader(new Bounded(in), StandardCharsets.UTF_8));
        StringBuilder answer = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                break;
            }
            JsonObject chunk = parse(data);
            String delta = text(chunk, "delta");
            if (delta != null && !delta.isEmpty()) {
                answer.append(delta);
                if (answer.length() >= MAX_CHARS) {
                    answer.setLength(MAX_CHARS);
                    answer.append('…');
                    break;
                }
                progress.accept(answer.toString());
            }
        }
        return answer.toString();
    }

    static String readDocument(InputStream in, Consumer<String> progress) throws IOException, Failure {
        String document = new String(new Bounded(in).readAllBytes(), StandardCharsets.UTF_8);
        String text = text(parse(document), "message");
        if (text == null) {
            throw new Failure("The AI model's answer had no text.");
        }
        String answer = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
        progress.accept(answer);
        return answer;
    }

    /** {@code choices[0].<part>.content}, or null. */
    private static String text(JsonObject json, String part) {
        try {
            JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
            JsonValue holder = choice.get(part);
            if (holder == null || holder.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonValue content = holder.asJsonObject().get("content");
            return content != null && content.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) content).getString()
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonObject parse(String json) throws Failure {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // JsonException and IllegalStateException for malformed text, and a bare
            // RuntimeException from Parsson for nesting past 1,000 levels.
            throw new Failure("The AI model's answer was not understood.");
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how the watchdog stops a stream that takes too long; nothing more to do.
        }
    }

    /** At most {@value #MAX_BYTES} bytes of a response: a model that never stops cannot fill the memory. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left = MAX_BYTES;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}

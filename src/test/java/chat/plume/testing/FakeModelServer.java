package chat.plume.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small OpenAI-compatible chat-completions server on loopback for the AI assistant to talk to:
 * the ITs' servers are configured with {@code plume.ai.base-url=http://127.0.0.1:18089/v1}. It
 * answers as told — streamed in chunks (server-sent events), in one JSON document, with an HTTP
 * error, or not at all — and keeps every request it got.
 */
public final class FakeModelServer implements AutoCloseable {

    public static final int PORT = 18089;

    /** A request as the model server saw it. */
    public record Asked(String authorization, JsonObject body) {}

    private record Behaviour(List<String> chunks, Duration gap, String document, int status) {}

    private final HttpServer server;
    private final LinkedBlockingQueue<Asked> asked = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Behaviour behaviour = new Behaviour(null, null, "Hello.", 200);

    private FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static FakeModelServer start() {
        return new FakeModelServer();
    }

    /** Answer in these chunks, streamed as server-sent events, {@code gap} apart. */
    public void streams(Duration gap, String... chunks) {
        behaviour = new Behaviour(List.of(chunks), gap, null, 200);
    }

    /** Answer with one JSON document (a server that does not stream). */
    public void answers(String text) {
        behaviour = new Behaviour(null, null, text, 200);
    }

    public void fails(int status) {
        behaviour = new Behaviour(null, null, null, status);
    }

    /** Accept the request and never answer (until closed). */
    public void hangs() {
        behaviour = new Behaviour(null, null, null, 0);
    }

    /** The next request the model got, waiting up to {@code timeout} for it. */
    public Asked nextRequest(Duration timeout) {
        return Await.next(asked, timeout, "a request to the model");
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        asked.add(new Asked(exchange.getRequestHeaders().getFirst("Authorization"), Json.parse(body)));
        Behaviour now = behaviour;
        try (exchange) {
            if (now.chunks() != null) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String chunk : now.chunks()) {
                    JsonObject event = choice(
                            "delta", jakarta.json.Json.createObjectBuilder().add("content", chunk));
                    out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // The model writing at its own pace: what the client must show as it comes.
                    released.await(now.gap().toMillis(), TimeUnit.MILLISECONDS);
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } else if (now.document() != null) {
                byte[] json = choice(
                                "message",
                                jakarta.json.Json.createObjectBuilder()
                                        .add("role", "assistant")
                                        .add("content", now.document()))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            } else if (now.status() != 0) {
                exchange.sendResponseHeaders(now.status(), -1);
            } else {
                released.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject choice(String part, JsonObjectBuilder content) {
        return jakarta.json.Json.createObjectBuilder()
                .add(
                        "choices",
                        jakarta.json.Json.createArrayBuilder()
                                .add(jakarta.json.Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add(part, content)))
                .build();
    }
}

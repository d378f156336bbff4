package chat.plume.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real HTTP server on loopback that receives a bot's events, as the bot's own server would:
 * the ITs' servers allow {@code localhost} as a webhook target ({@code plume.bots.webhook-allowed}),
 * so it is reached as {@code http://localhost:18090/…} while {@code 127.0.0.1} stays refused.
 * It answers each path with what it is told to, in turn (then 204), and keeps every delivery by path.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final int PORT = 18090;

    /** A delivery as it arrived. */
    public record Received(String id, String timestamp, String signature, String body) {}

    /** An answer to give: a status, headers and a body. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    /** Per path: tests that share the receiver do not see each other's deliveries or answers. */
    private final Map<String, LinkedBlockingQueue<Received>> received = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, ConcurrentLinkedQueue<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    public static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    /** The next deliveries to {@code path} are answered with these, in turn (then 204). */
    public void answer(String path, Answer... next) {
        answersTo(path).addAll(java.util.List.of(next));
    }

    public static Answer status(int status) {
        return new Answer(status, Map.of(), "");
    }

    /** An answer that never comes (the connection is held until the receiver closes). */
    public static final Answer SILENCE = new Answer(0, Map.of(), "");

    public static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    /** The next delivery to {@code path}, waiting up to {@code timeout}. */
    public Received next(String path, Duration timeout) {
        return Await.next(receivedAt(path), timeout, "a delivery to " + path);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            handleOne(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handleOne(HttpExchange exchange) throws IOException, InterruptedException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        receivedAt(path)
                .add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body));
        Answer answer = answersTo(path).poll();
        if (answer == null) {
            answer = status(204);
        }
        if (answer == SILENCE) {
            closed.await();
            return;
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private LinkedBlockingQueue<Received> receivedAt(String path) {
        return received.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private ConcurrentLinkedQueue<Answer> answersTo(String path) {
        return answers.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>());
    }
}

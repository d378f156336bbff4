package chat.plume.testing;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client on the JDK's HttpClient that records every frame it receives and how the
 * connection closed. It answers server pings (the JDK does that by itself while reading).
 */
public final class WsClient implements AutoCloseable {

    /** Nothing matching arrived in time (a test may retry, unlike a failed assertion). */
    public static final class NoReply extends AssertionError {
        NoReply(String message) {
            super(message);
        }
    }

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {}

    private final BlockingDeque<JsonObject> frames = new LinkedBlockingDeque<>();
    /** Every frame received, taken or not (for checking them against the protocol document). */
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private CompletableFuture<WebSocket> lastSend;

    /** Connects, or returns null when the server cannot be reached (it is down or restarting). */
    public static WsClient tryConnect(URI base, String token) {
        try {
            return connect(base, token);
        } catch (CompletionException e) {
            return null;
        }
    }

    /**
     * One client for every connection of the test JVM: an HttpClient per connection kept a
     * selector thread alive per connection until collected, thousands of them in churn tests.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private WsClient(URI uri, String token, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
        this.lastSend = CompletableFuture.completedFuture(socket);
    }

    /** Opens a connection to {@code ws://host/ws} of the given base URL. */
    public static WsClient connect(URI base, String token, String origin) {
        return new WsClient(
                base.resolve("/ws").toString().replaceFirst("^http", "ws").transform(URI::create), token, origin);
    }

    public static WsClient connect(URI base, String token) {
        return connect(base, token, null);
    }

    public void send(String text) {
        sendAsync(text).join();
    }

    /**
     * Sends without waiting for the write to complete; frames still go out in order (the JDK
     * client takes one send at a time, so each waits for the one before).
     */
    public synchronized CompletableFuture<WebSocket> sendAsync(String text) {
        lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
        return lastSend;
    }

    /** Sends one fragment of a message ({@code last}: the final one). */
    public void sendPart(String text, boolean last) {
        socket.sendText(text, last).join();
    }

    /** Like {@link #sendPart}, but false instead of an exception when the connection is gone. */
    public boolean trySendPart(String text, boolean last) {
        try {
            socket.sendText(text, last).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception closed) {
            return false;
        }
    }

    /** The next frame that matches, skipping others; fails after the timeout. */
    public JsonObject next(Predicate<JsonObject> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new NoReply("No matching frame within " + timeout);
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Sends a request frame and returns the reply naming it (an answer or an error frame). */
    public JsonObject request(String frame, Duration timeout) {
        String id = Json.parse(frame).getString("id");
        send(frame);
        return next(f -> id.equals(f.getString("id", null)), timeout);
    }

    /**
     * Like {@link #request}, but the frames that arrive before the reply stay for {@link #next}:
     * for a request whose effects are pushed too (a bot's answer to a message may overtake the
     * message's ack).
     */
    public JsonObject requestKeepingOthers(String frame, Duration timeout) {
        String id = Json.parse(frame).getString("id");
        List<JsonObject> others = new ArrayList<>();
        send(frame);
        try {
            return next(
                    f -> {
                        if (id.equals(f.getString("id", null))) {
                            return true;
                        }
                        others.add(f);
                        return false;
                    },
                    timeout);
        } finally {
            for (int i = others.size() - 1; i >= 0; i--) {
                frames.addFirst(others.get(i));
            }
        }
    }

    public JsonObject next(String type, Duration timeout) {
        return next(f -> type.equals(f.getString("type", null)), timeout);
    }

    /** Every frame received so far and not yet taken, without waiting. */
    public List<JsonObject> drain() {
        List<JsonObject> taken = new ArrayList<>();
        frames.drainTo(taken);
        return taken;
    }

    /** Every frame received so far, whether a test took it or not. */
    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    /** Drops the connection on the spot, as a network failure would (no close handshake). */
    public void abort() {
        socket.abort();
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The connection did not close within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = Json.parse(partial.toString());
                received.add(frame);
                frames.add(frame);
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(1006, String.valueOf(error)));
        }
    }
}

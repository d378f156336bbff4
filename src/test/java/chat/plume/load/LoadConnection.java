package chat.plume.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One account's WebSocket in a load run. Sends never block the caller: the JDK allows one
 * outstanding send per socket, so each send is chained after the previous one. Server pings are
 * answered by the JDK while the listener keeps asking for frames. The listener is called for one
 * frame at a time per connection.
 */
final class LoadConnection {

    /** What a scenario does with each whole frame, and with a frame that could not be written. */
    interface FrameHandler {
        void onFrame(LoadConnection connection, String frame, long receivedNanos);

        /** The frame never left (the connection broke); nothing will answer it. */
        default void onSendFailed(LoadConnection connection, String frame, Throwable failure) {}
    }

    private final Population.Account account;
    private final CompletableFuture<LoadConnection> welcomed = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final FrameHandler handler;
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private LoadConnection(Population.Account account, FrameHandler handler) {
        this.account = account;
        this.handler = handler;
    }

    /** Opens a connection; the future completes once the server's {@code welcome} has arrived. */
    static CompletableFuture<LoadConnection> open(
            HttpClient http, URI base, Population.Account account, FrameHandler handler) {
        LoadConnection connection = new LoadConnection(account, handler);
        URI uri = URI.create(base.resolve("/ws").toString().replaceFirst("^http", "ws"));
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + account.token())
                .buildAsync(uri, connection.new Listener())
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        connection.welcomed.completeExceptionally(failure);
                        connection.closed.complete("failed: " + failure);
                    } else {
                        connection.socket = socket;
                    }
                });
        return connection.welcomed;
    }

    Population.Account account() {
        return account;
    }

    /**
     * Queues a frame after the ones before it. A write that fails is reported to the handler and
     * does not stop the ones after it from being tried (each fails on its own if the socket is gone).
     */
    synchronized void send(String frame) {
        sending = sending.handle((done, failed) -> null)
                .thenCompose(ignored -> socket.sendText(frame, true))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        handler.onSendFailed(this, frame, failure);
                    }
                });
    }

    /** Drops the connection as a network failure would: no close handshake. */
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        closed.complete("aborted");
    }

    /** Completes with how the connection ended. */
    CompletableFuture<String> closed() {
        return closed;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (!welcomed.isDone() && "welcome".equals(FrameScan.type(frame))) {
                    socket = webSocket;
                    welcomed.complete(LoadConnection.this);
                } else {
                    handler.onFrame(LoadConnection.this, frame, now);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            welcomed.completeExceptionally(
                    new IllegalStateException("Closed before welcome: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error: " + error);
            welcomed.completeExceptionally(error);
        }
    }
}

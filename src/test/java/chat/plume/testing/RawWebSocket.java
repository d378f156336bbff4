package chat.plume.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client on a plain socket, for what a well-behaved client library will not do:
 * announce one enormous frame and stream its payload, to see when the server stops reading.
 * Client frames are masked with a zero mask (allowed: the mask only has to be present).
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Opens {@code /ws} with a bearer token and completes the upgrade (101). */
    public static RawWebSocket open(URI base, String token) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        RawWebSocket ws = new RawWebSocket(socket);
        String key = Base64.getEncoder().encodeToString("plume-raw-client!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("Upgrade refused: " + status);
        }
        return ws;
    }

    private String readHeaders() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Closed during the handshake");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Writes the header of one text frame of {@code length} bytes (final, masked). */
    public void startTextFrame(long length) throws IOException {
        out.write(0x81);
        out.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (length >>> shift) & 0xff);
        }
        out.write(new byte[4]);
    }

    /** What a stream came to: the server's close code (or -1) and how much had been written when it came. */
    public record Stream(int closeCode, long writtenAtClose, long written) {}

    /**
     * Streams {@code total} bytes of payload ({@code x}) in chunks while reading what the server
     * sends, and notes how much had been written when the server's close frame arrived. The
     * stream stops at {@code total}, when the server drops the connection (the write fails), or
     * when writing makes no progress for {@code stall} (the socket is then closed here).
     */
    public Stream streamPayload(long total, int chunk, Duration stall) {
        byte[] bytes = new byte[chunk];
        Arrays.fill(bytes, (byte) 'x');
        AtomicLong written = new AtomicLong();
        AtomicLong writtenAtClose = new AtomicLong(-1);
        AtomicInteger closeCode = new AtomicInteger(-1);
        Thread reader = daemon("raw-websocket-reader", () -> {
            try {
                while (true) {
                    int opcode = in.read();
                    if (opcode < 0) {
                        return;
                    }
                    long length = in.read() & 0x7f;
                    if (length == 126) {
                        length = (in.read() << 8) | in.read();
                    } else if (length == 127) {
                        length = 0;
                        for (int i = 0; i < 8; i++) {
                            length = (length << 8) | in.read();
                        }
                    }
                    byte[] payload = in.readNBytes((int) length);
                    if ((opcode & 0x0f) == 8) {
                        writtenAtClose.set(written.get());
                        closeCode.set(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
                        return;
                    }
                }
            } catch (IOException gone) {
                // The connection ended; whatever was seen is the result.
            }
        });
        // Checks the stream's progress every `stall`: a writer blocked that long is unblocked by
        // closing the socket (a blocked write cannot be awaited any other way).
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        AtomicLong seen = new AtomicLong(-1);
        watchdog.scheduleAtFixedRate(
                () -> {
                    long now = written.get();
                    if (seen.getAndSet(now) == now) {
                        closeQuietly();
                    }
                },
                stall.toMillis(),
                stall.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            while (written.get() < total) {
                int n = (int) Math.min(chunk, total - written.get());
                out.write(bytes, 0, n);
                written.addAndGet(n);
            }
            out.flush();
        } catch (IOException stopped) {
            // The server dropped the connection, or stopped reading.
        } finally {
            watchdog.shutdownNow();
        }
        try {
            reader.join(stall.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Stream(closeCode.get(), writtenAtClose.get(), written.get());
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing to unblock a writer; nothing else to do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

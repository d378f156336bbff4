package chat.plume.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Debian's coturn on loopback, as docs/calls.md runs it (TURN REST credentials checked against a
 * shared secret, {@code use-auth-secret}), for tests that force a call through the relay. It
 * listens on 127.0.0.1:3478, the TURN URL the test server hands out (pom.xml), with the same
 * secret. Loopback peers are allowed here only because both browsers are on this machine: in
 * production they are denied (docs/calls.md, {@code denied-peer-ip}).
 */
public final class TurnServer implements AutoCloseable {

    public static final String SECRET = "turn-secret-for-tests";
    public static final int PORT = 3478;

    private final Process process;
    private final Path directory;

    private TurnServer(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** Whether coturn is installed (.ci/run installs it). */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/turnserver"));
    }

    /** Starts coturn and returns once it answers a STUN binding request. */
    public static TurnServer start() throws IOException {
        Path directory = Files.createTempDirectory("plume-turn");
        Process process = new ProcessBuilder(List.of(
                        "/usr/bin/turnserver",
                        "-n",
                        "--listening-ip=127.0.0.1",
                        "--relay-ip=127.0.0.1",
                        "--listening-port=" + PORT,
                        "--use-auth-secret",
                        "--static-auth-secret=" + SECRET,
                        "--realm=plume.test",
                        "--no-tls",
                        "--no-dtls",
                        "--no-cli",
                        "--min-port=49160",
                        "--max-port=49260",
                        "--fingerprint",
                        "--no-software-attribute",
                        "--allow-loopback-peers",
                        "--db=" + directory.resolve("turndb"),
                        "--pidfile=" + directory.resolve("turnserver.pid"),
                        "--log-file=" + directory.resolve("turn.log"),
                        "--simple-log",
                        // Logs each allocation with the user it authenticated.
                        "--verbose"))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("console.log").toFile())
                .start();
        TurnServer server = new TurnServer(process, directory);
        Await.until(Duration.ofSeconds(15), "coturn to answer STUN on 127.0.0.1:" + PORT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("coturn exited; see " + directory.resolve("console.log"));
            }
            return server.answersStun();
        });
        return server;
    }

    /** Sends a STUN binding request (RFC 5389) and says whether a binding response came back. */
    private boolean answersStun() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            byte[] id = new byte[12];
            ThreadLocalRandom.current().nextBytes(id);
            ByteBuffer request = ByteBuffer.allocate(20)
                    .putShort((short) 0x0001)
                    .putShort((short) 0)
                    .putInt(0x2112A442);
            request.put(id);
            socket.send(new DatagramPacket(request.array(), 20, InetAddress.getLoopbackAddress(), PORT));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            return reply.getLength() >= 20 && ByteBuffer.wrap(reply.getData()).getShort() == 0x0101;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** What coturn logged (allocations made, credentials refused). */
    public String log() throws IOException {
        Path log = directory.resolve("turn.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

package chat.plume.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for the tests: RFC 6238 codes written here from the RFC, not taken from
 * the server's code, so the two check each other. A code is good once on the server, so
 * {@link #fresh} hands out each secret's time steps once, looking one step ahead (the server
 * takes a step either side of its own): the current step if unused, else the step after the last
 * one handed out as soon as the clock is within a step of it (waiting at most 30 s). Once across
 * JVMs too: the test JVM and the server (in-container tests) both sign the administrator in, so the last step handed out is kept in a file in the
 * leg's data directory, under a file lock. Without it, a page signing in right after an
 * in-container test could be given a step the server had just seen, and be refused.
 */
public final class TotpCodes {

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TotpCodes() {}

    /** A code of a time step not handed out before for this secret, by this JVM or another one of the leg. */
    public static String fresh(String secret) {
        synchronized (secret.intern()) {
            Path file = stepFile(secret);
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(
                                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    long last = Math.max(LAST_STEP.getOrDefault(secret, -1L), read(channel));
                    // The server takes a code of the next step too (clock drift): a step ahead
                    // rather than a wait whenever this step's code is spent.
                    long step = Math.max(step(), last + 1);
                    Await.until(Duration.ofSeconds(40), "a TOTP time step the server takes", () -> step() >= step - 1);
                    LAST_STEP.put(secret, step);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(Long.toString(step).getBytes(StandardCharsets.US_ASCII)), 0);
                    return at(secret, step);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    /** Beside the leg's data (the test JVM knows it as plume.it.data.dir, the server as plume.data.dir). */
    private static Path stepFile(String secret) {
        String dir = System.getProperty("plume.it.data.dir", System.getProperty("plume.data.dir", "target/it-data"));
        return Path.of(dir, "totp-steps", Integer.toHexString(secret.hashCode()) + ".step");
    }

    public static String at(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xF;
            int value =
                    ((h[o] & 0x7F) << 24) | ((h[o + 1] & 0xFF) << 16) | ((h[o + 2] & 0xFF) << 8) | (h[o + 3] & 0xFF);
            return String.format(Locale.ROOT, "%06d", value % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}

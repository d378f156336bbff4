package chat.plume.load;

import chat.plume.messaging.MessagingFrames;
import chat.plume.messaging.MessagingViews;
import chat.plume.realtime.FrameCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The physical floor of a one-to-one message on this machine, measured without a server (issue 16,
 * "where the limit is"): what an fsync'd write of the disk costs, what a commit of the embedded
 * database costs alone and per message in batches of 64 (the writer lane's batch), and what
 * decoding a {@code send} frame and encoding its {@code ack} and its push cost on one thread.
 * Each step runs for {@code seconds} (default 5) after a warm-up of the same length; one thread,
 * so a figure is the CPU or wait of one core.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=chat.plume.load.Floor \
 *     -Dexec.args="DIRECTORY [seconds]"
 * </pre>
 * DIRECTORY: where the test files go (on the disk the server's data would be on); it is emptied of
 * them afterwards.
 */
public final class Floor {

    private static final int BATCH = 64;

    private Floor() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DIRECTORY [seconds]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Duration each = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        report("fsync'd 4 KiB append (FileChannel.force)", fsync(dir, each), "write");
        report("H2 commit of one message row (WRITE_DELAY=0)", h2(dir, 1, each), "message");
        report("H2 commit of " + BATCH + " message rows, per message", h2(dir, BATCH, each), "message");
        report("frame codec: decode a send, encode its ack and its push", codec(each), "message");
    }

    private static void report(String what, double micros, String unit) {
        System.out.printf("floor %-58s %9.1f µs per %s%n", what, micros, unit);
    }

    /** Runs {@code step} (which does {@code n} units and returns how many it did) for a warm-up, then measured. */
    private static double measure(Duration length, LongUnaryOperator step) {
        run(length, step);
        return run(length, step);
    }

    private static double run(Duration length, LongUnaryOperator step) {
        long units = 0;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long now;
        do {
            units += step.applyAsLong(units);
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1_000.0 / units;
    }

    private static double fsync(Path dir, Duration length) throws IOException {
        Path file = dir.resolve("floor-fsync.bin");
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer block = ByteBuffer.allocateDirect(4096);
            return measure(length, done -> {
                try {
                    block.clear();
                    channel.write(block);
                    channel.force(false);
                    if (channel.size() > 64L << 20) {
                        channel.truncate(0);
                    }
                    return 1;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Inserts rows shaped like a message (the product's columns that matter for size: ids, a
     * sequence number, a client id, a body of 40 characters, a time) and commits every {@code batch}.
     */
    private static double h2(Path dir, int batch, Duration length) throws SQLException, IOException {
        Path base = dir.resolve("floor-h2-" + batch);
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "floor", "floor")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS m");
                ddl.execute("CREATE TABLE m (id BIGINT PRIMARY KEY, conversation_id BIGINT NOT NULL,"
                        + " seq BIGINT NOT NULL, sender_id BIGINT NOT NULL, client_message_id VARCHAR(64) NOT NULL,"
                        + " body VARCHAR(4000), created_at TIMESTAMP NOT NULL,"
                        + " CONSTRAINT uq_m_seq UNIQUE (conversation_id, seq),"
                        + " CONSTRAINT uq_m_client UNIQUE (client_message_id, sender_id))");
            }
            db.setAutoCommit(false);
            try (PreparedStatement insert =
                    db.prepareStatement("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                long[] next = {1};
                return measure(length, done -> {
                    try {
                        for (int i = 0; i < batch; i++) {
                            long id = next[0]++;
                            insert.setLong(1, id);
                            insert.setLong(2, id % 100);
                            insert.setLong(3, id);
                            insert.setLong(4, id % 200);
                            insert.setString(5, "c" + id);
                            insert.setString(6, "A message of forty characters, roughly.");
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        db.commit();
                        return batch;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        } finally {
            Files.deleteIfExists(Path.of(base + ".mv.db"));
            Files.deleteIfExists(Path.of(base + ".trace.db"));
        }
    }

    /** Per message the server decodes one {@code send} and encodes one {@code ack} and one push. */
    private static double codec(Duration length) {
        FrameCodec codec = new FrameCodec();
        String send = "{\"type\":\"send\",\"id\":\"s12345\",\"conversation\":4242,"
                + "\"clientMessageId\":\"load-7f3a9c2e-0001\",\"body\":\"A message of forty characters, roughly.\"}";
        Instant at = Instant.now();
        long[] sink = {0};
        double micros = measure(length, done -> {
            var frame = codec.decode(send);
            long seq = done + 1;
            String ack = codec.encode(new MessagingFrames.Ack(
                    "ack", frame.id(), 4242, seq, 90_000 + seq, "load-7f3a9c2e-0001", at, false));
            String push = codec.encode(new MessagingFrames.NewMessage(
                    "message",
                    new MessagingViews.Message(
                            90_000 + seq,
                            4242,
                            seq,
                            17L,
                            "load-7f3a9c2e-0001",
                            "text",
                            "A message of forty characters, roughly.",
                            null,
                            List.of(),
                            at,
                            null,
                            false,
                            null,
                            null,
                            null,
                            false,
                            List.of(),
                            false,
                            null)));
            sink[0] += ack.length() + push.length();
            return 1;
        });
        // Printed so that the encoding cannot be optimised away as unused.
        System.out.printf("floor (encoded %,d characters)%n", sink[0]);
        return micros;
    }
}

package chat.plume.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.admin.retention.CleanupJob;
import chat.plume.admin.retention.CleanupRunner;
import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.entity.Role;
import chat.plume.media.MediaSettings;
import chat.plume.media.MediaStore;
import chat.plume.platform.jobs.JobLeases;
import chat.plume.platform.jobs.JobRuns;
import chat.plume.testing.Await;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, against the tables: each clean-up removes exactly the rows past its window
 * and nothing else, and a job whose lease is held (a run in progress, here or on another node)
 * does not run a second time until the lease is given back or lapses.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    /** Ids far above what the sequences hand out, so rows made here never meet the application's. */
    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + (System.nanoTime() & 0xFFFFFFFL) * 100);

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(RetentionIT.class, BlockingReferences.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    CleanupRunner runner;

    @Inject
    JobLeases leases;

    @Inject
    JobRuns runs;

    @Inject
    Accounts accounts;

    @Inject
    MediaStore store;

    @Inject
    MediaSettings mediaSettings;

    @Test
    void retentionRemovesExactlyTheMessagesOlderThanTheWindow() throws Exception {
        // A run now keeps the hourly timer from starting one in the middle of this test.
        runOnce(CleanupJob.MESSAGES);
        long account = account();
        long conversation = conversation();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long old1 = message(conversation, 1, account, now.minusDays(40), null);
        long old2 = message(conversation, 2, account, now.minusDays(30).minusMinutes(1), null);
        long kept1 = message(conversation, 3, account, now.minusDays(29), null);
        long kept2 = message(conversation, 4, account, now, null);
        update(
                "INSERT INTO message_reaction (message_id, account_id, emoji, created_at) VALUES (?, ?, 'x', ?)",
                old1,
                account,
                Timestamp.valueOf(now.minusDays(40)));
        update(
                "INSERT INTO hidden_message (account_id, message_id, hidden_at) VALUES (?, ?, ?)",
                account,
                old2,
                Timestamp.valueOf(now));

        // The job as it runs every hour, with the window the test server is given
        // (plume.retention.message-days=30, pom.xml).
        assertTrue(runner.isEnabled(CleanupJob.MESSAGES));
        LocalDateTime cutoff = now.minusDays(30);
        long olderBefore = count("SELECT COUNT(*) FROM message WHERE created_at < ?", Timestamp.valueOf(cutoff));
        JobRuns.View run = runOnce(CleanupJob.MESSAGES);
        assertEquals("completed", run.outcome(), run.toString());
        assertEquals(olderBefore, run.removed(), run.toString());
        assertTrue(run.removed() >= 2, run.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM message WHERE created_at < ?", Timestamp.valueOf(cutoff)));
        assertEquals(
                List.of(kept1, kept2),
                ids("SELECT id FROM message WHERE conversation_id = ? ORDER BY seq", conversation));
        assertEquals(0, count("SELECT COUNT(*) FROM message_reaction WHERE message_id = ?", old1));
        assertEquals(0, count("SELECT COUNT(*) FROM hidden_message WHERE message_id = ?", old2));
        // The conversation keeps its numbering: the next message is still 5.
        assertEquals(4, count("SELECT last_seq FROM conversation WHERE id = ?", conversation));
    }

    @Test
    void endedSessionsOlderThanTheWindowAreRemovedAndTheRunIsRecorded() throws Exception {
        long account = account();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long expiredLongAgo = session(account, now.minusDays(70), now.minusDays(40), null);
        long revokedLongAgo = session(account, now.minusDays(50), now.plusDays(10), now.minusDays(31));
        long revokedRecently = session(account, now.minusDays(5), now.plusDays(10), now.minusDays(1));
        long expiredRecently = session(account, now.minusDays(40), now.minusDays(2), null);
        long live = session(account, now, now.plusDays(30), null);

        JobRuns.View run = runOnce(CleanupJob.SESSIONS);
        assertEquals("completed", run.outcome(), run.toString());
        assertTrue(run.removed() >= 2, run.toString());
        List<Long> left = ids("SELECT id FROM auth_session WHERE account_id = ? ORDER BY id", account);
        assertEquals(List.of(revokedRecently, expiredRecently, live), left);
        assertFalse(left.contains(expiredLongAgo) || left.contains(revokedLongAgo));
        assertTrue(runs.recent("sessions", 0, 5).items().stream().anyMatch(r -> r.id() == run.id()));
    }

    @Test
    void unusedUploadsPastTheGraceAreRemovedWithTheirFilesAndUsedOnesStay() throws Exception {
        long account = account();
        long conversation = conversation();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String orphanHash = stored("orphan " + UUID.randomUUID());
        String usedHash = stored("used " + UUID.randomUUID());
        String avatarHash = stored("avatar " + UUID.randomUUID());
        String youngHash = stored("young " + UUID.randomUUID());
        long orphan = media(account, orphanHash, now.minusDays(2));
        long used = media(account, usedHash, now.minusDays(2));
        long avatar = media(account, avatarHash, now.minusDays(2));
        long young = media(account, youngHash, now);
        message(conversation, 1, account, now.minusDays(2), used);
        update("UPDATE account SET avatar_media_id = ? WHERE id = ?", avatar, account);

        JobRuns.View run = runOnce(CleanupJob.UPLOADS);
        assertEquals("completed", run.outcome(), run.toString());
        List<Long> left = ids("SELECT id FROM media WHERE uploader_id = ? ORDER BY id", account);
        assertEquals(List.of(used, avatar, young), left);
        assertFalse(left.contains(orphan));
        assertFalse(exists(orphanHash), "the unused upload's stored file is gone");
        assertTrue(exists(usedHash));
        assertTrue(exists(avatarHash));
        assertTrue(exists(youngHash));
    }

    @Test
    void aJobWhoseLeaseIsHeldDoesNotRunAgainUntilItIsFreeOrLapsed() throws Exception {
        String otherNode = "other-node/" + UUID.randomUUID();
        try {
            // Held as a run in progress holds it (the hourly timer may hold it this very moment: wait).
            Await.until(
                    Duration.ofSeconds(60),
                    "the sessions lease",
                    () -> leases.take("sessions", otherNode, Duration.ofMinutes(5)));
            long runsBefore = runs.recent("sessions", 0, 1).total();
            // A second run while the first holds the lease: nothing happens, nothing is recorded.
            assertTrue(runner.run(CleanupJob.SESSIONS).isEmpty());
            assertFalse(leases.take("sessions", "third/" + UUID.randomUUID(), Duration.ofMinutes(5)));
            assertEquals(runsBefore, runs.recent("sessions", 0, 1).total());
            assertEquals(Optional.of(otherNode), leases.holderOf("sessions"));
        } finally {
            leases.giveBack("sessions", otherNode);
        }
        assertEquals("completed", runOnce(CleanupJob.SESSIONS).outcome());

        // A holder that died: its lease lapses and the next run takes over.
        String dead = "dead-node/" + UUID.randomUUID();
        try {
            Await.until(
                    Duration.ofSeconds(60),
                    "the uploads lease",
                    () -> leases.take("uploads", dead, Duration.ofMinutes(5)));
            update(
                    "UPDATE job_lease SET lease_until = ? WHERE name = 'uploads'",
                    Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1)));
            assertEquals(Optional.empty(), leases.holderOf("uploads"));
            assertEquals("completed", runOnce(CleanupJob.UPLOADS).outcome());
        } finally {
            leases.giveBack("uploads", dead);
        }
    }

    @Test
    void twoRunsThatOverlapDoNotBothRun() throws Exception {
        long account = account();
        media(
                account,
                stored("held " + UUID.randomUUID()),
                LocalDateTime.now(ZoneOffset.UTC).minusDays(2));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        // A run now keeps the hourly timer from starting one (which the armed bean would hold).
        runOnce(CleanupJob.UPLOADS);
        BlockingReferences.arm();
        try {
            long runsBefore = runs.recent("uploads", 0, 1).total();
            Future<Optional<JobRuns.View>> first = pool.submit(() -> runner.run(CleanupJob.UPLOADS));
            // The first run is in the middle of its work, holding the lease ...
            assertTrue(BlockingReferences.awaitEntered(Duration.ofSeconds(60)), "the first run got under way");
            // ... when a second one starts, by hand or by the clock: neither runs.
            assertEquals(Optional.empty(), runner.run(CleanupJob.UPLOADS));
            assertEquals(Optional.empty(), runner.runScheduled(CleanupJob.UPLOADS));
            BlockingReferences.release();
            Optional<JobRuns.View> ran = first.get(60, TimeUnit.SECONDS);
            assertTrue(ran.isPresent());
            assertEquals("completed", ran.get().outcome(), ran.get().toString());
            assertEquals(runsBefore + 1, runs.recent("uploads", 0, 1).total());
        } finally {
            BlockingReferences.disarm();
            pool.shutdownNow();
        }
    }

    /**
     * Runs a job now. The hourly timer may hold its lease at this very moment (then this run
     * rightly does nothing): wait for that run to end and run again.
     */
    private JobRuns.View runOnce(CleanupJob job) {
        AtomicLong ran = new AtomicLong(-1);
        Await.until(Duration.ofSeconds(60), "a run of " + job.jobName(), () -> {
            Optional<JobRuns.View> run = runner.run(job);
            run.ifPresent(r -> ran.set(r.id()));
            return run.isPresent();
        });
        return runs.get(ran.get());
    }

    private long account() {
        String name = "ret" + Long.toString(System.nanoTime(), 36);
        return accounts.create(name, name, "a-password-" + name, Role.USER).id();
    }

    private long conversation() throws Exception {
        long id = IDS.incrementAndGet();
        update(
                "INSERT INTO conversation (id, kind, direct_key, last_seq, created_at) VALUES (?, 'DIRECT', ?, 4, ?)",
                id,
                "retention:" + id,
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
        return id;
    }

    private long message(long conversation, long seq, long sender, LocalDateTime at, Long media) throws Exception {
        long id = IDS.incrementAndGet();
        update(
                "INSERT INTO message (id, conversation_id, seq, sender_id, client_message_id, kind, body, created_at,"
                        + " media_id, forwarded) VALUES (?, ?, ?, ?, ?, ?, 'kept for the test', ?, ?, FALSE)",
                id,
                conversation,
                seq,
                sender,
                "ret-" + id,
                media == null ? "TEXT" : "FILE",
                Timestamp.valueOf(at),
                media);
        return id;
    }

    private long session(long account, LocalDateTime created, LocalDateTime expires, LocalDateTime revoked)
            throws Exception {
        long id = IDS.incrementAndGet();
        update(
                "INSERT INTO auth_session (id, account_id, token_hash, created_at, last_used_at, expires_at, revoked_at,"
                        + " verified_at, second_factor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                id,
                account,
                "ret" + id,
                Timestamp.valueOf(created),
                Timestamp.valueOf(created),
                Timestamp.valueOf(expires),
                revoked == null ? null : Timestamp.valueOf(revoked),
                Timestamp.valueOf(created));
        return id;
    }

    private long media(long uploader, String hash, LocalDateTime at) throws Exception {
        long id = IDS.incrementAndGet();
        update(
                "INSERT INTO media (id, kind, content_hash, content_type, size_bytes, original_name, uploader_id,"
                        + " created_at) VALUES (?, 'FILE', ?, 'text/plain', 10, 'note.txt', ?, ?)",
                id,
                hash,
                uploader,
                Timestamp.valueOf(at));
        return id;
    }

    private String stored(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        store.keep(bytes, hash);
        // Stored an hour ago as far as the clean-up can tell (it leaves files kept again during
        // its run): the layout is the filesystem store's, <dir>/ab/cd/<hash>.
        Files.setLastModifiedTime(
                mediaSettings
                        .directory()
                        .resolve(hash.substring(0, 2))
                        .resolve(hash.substring(2, 4))
                        .resolve(hash),
                FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return hash;
    }

    private boolean exists(String hash) {
        try {
            store.size(hash);
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        }
    }

    private long count(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private List<Long> ids(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setObject(i + 1, null, Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }
}

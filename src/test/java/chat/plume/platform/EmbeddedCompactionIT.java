package chat.plume.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.Conversations;
import chat.plume.platform.database.EmbeddedCompaction;
import chat.plume.social.friends.FriendRequests;
import chat.plume.testing.Await;
import chat.plume.testing.Callers;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, on the embedded database: thousands of small commits (each writes a new chunk
 * of the store file and leaves the chunks before it mostly dead) are compacted away while the
 * server runs, so that the file's chunks stay mostly live. Without compaction the same commits
 * leave the chunks about 2% live: the file grows by what the dead 98% take (~7 KB a message in
 * production).
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedCompactionIT {

    private static final int COMMITS = 2_000;
    /** Percent of the store's chunk space that holds live pages, after compaction has caught up. */
    private static final int LIVE_PERCENT = 50;

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(EmbeddedCompactionIT.class);
    }

    @Inject
    EmbeddedCompaction compaction;

    @Inject
    Accounts accounts;

    @Inject
    FriendRequests requests;

    @Inject
    Conversations conversations;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void manySmallCommitsAreCompactedAwayWhileTheServerRuns() throws Exception {
        assertTrue(compaction.fileSize() > 0, "the test server runs on the embedded database");
        Caller alice = Callers.register(accounts, "Compact");
        Caller bob = Callers.register(accounts, "Compact2");
        Callers.befriend(requests, alice, bob);
        long conversation = conversations.openDirect(alice, bob.accountId()).id();
        commitOneByOne(conversation, alice.accountId());
        Await.until(
                Duration.ofSeconds(60),
                "at least " + LIVE_PERCENT + "% of the store's chunk space live after " + COMMITS + " commits",
                () -> liveChunkPercent() >= LIVE_PERCENT);
    }

    private int liveChunkPercent() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
                ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), "H2 reports its chunk fill rate");
            return Integer.parseInt(row.getString(1).trim());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Each message its own transaction, as an idle server commits them. */
    private void commitOneByOne(long conversation, long sender) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO message (id, conversation_id, seq,"
                        + " sender_id, kind, body, created_at) VALUES (?, ?, ?, ?, 'TEXT', ?, ?)")) {
            long base = 800_000_000_000L + conversation * 1_000_000L;
            for (int seq = 1; seq <= COMMITS; seq++) {
                insert.setLong(1, base + seq);
                insert.setLong(2, conversation);
                insert.setLong(3, seq);
                insert.setLong(4, sender);
                insert.setString(5, "a message of about the usual length, " + seq + " of " + COMMITS);
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            try (PreparedStatement last = c.prepareStatement("UPDATE conversation SET last_seq = ? WHERE id = ?")) {
                // Left consistent for the other tests sharing this database.
                last.setLong(1, COMMITS);
                last.setLong(2, conversation);
                last.executeUpdate();
            }
        }
    }
}

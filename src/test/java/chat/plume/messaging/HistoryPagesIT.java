package chat.plume.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.social.friends.FriendRequests;
import chat.plume.testing.Callers;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, on a conversation of 100,000 messages: every page of history, newest,
 * middle, oldest, forward or back, reads only its own rows (checked in the database's plan of the
 * very query shapes of {@link Message#AFTER} and {@link Message#BEFORE}), and the boundary
 * returns the right pages. The newest page used to scan the whole conversation.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryPagesIT {

    private static final int MESSAGES = 100_000;
    private static final int PAGE = 50;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final Pattern PG_INDEX_ROWS =
            Pattern.compile("Index (?:Only )?Scan.*?actual time=[\\d.]+\\.\\.[\\d.]+ rows=(\\d+)");
    /** The SQL of Message.BEFORE / Message.AFTER as the provider writes it (order by both columns). */
    private static final String BEFORE = "SELECT * FROM message WHERE conversation_id = ? AND seq < ?"
            + " ORDER BY conversation_id DESC, seq DESC OFFSET 0 ROWS FETCH FIRST " + (PAGE + 1) + " ROWS ONLY";

    private static final String AFTER = "SELECT * FROM message WHERE conversation_id = ? AND seq > ?"
            + " ORDER BY conversation_id ASC, seq ASC OFFSET 0 ROWS FETCH FIRST " + (PAGE + 1) + " ROWS ONLY";

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(HistoryPagesIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    FriendRequests requests;

    @Inject
    Conversations conversations;

    @Inject
    Messages messages;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void everyPageReadsOnlyItsOwnRowsWhateverTheLength() throws Exception {
        Caller alice = Callers.register(accounts, "Long");
        Caller bob = Callers.register(accounts, "Long2");
        Callers.befriend(requests, alice, bob);
        long conversation = conversations.openDirect(alice, bob.accountId()).id();
        fill(conversation, alice.accountId());

        for (long from : List.of(MESSAGES + 1L, MESSAGES / 2L, 60L)) {
            long scanned = scanned(BEFORE, conversation, from);
            assertTrue(scanned <= PAGE + 2, "a page before " + from + " scanned " + scanned + " rows");
        }
        for (long from : List.of(0L, MESSAGES / 2L, MESSAGES - 10L)) {
            long scanned = scanned(AFTER, conversation, from);
            assertTrue(scanned <= PAGE + 2, "a page after " + from + " scanned " + scanned + " rows");
        }

        MessagingViews.Page newest = messages.history(alice, conversation, null, null, PAGE);
        assertEquals(MESSAGES - PAGE + 1, newest.messages().get(0).seq());
        assertEquals(MESSAGES, newest.messages().get(PAGE - 1).seq());
        assertTrue(newest.hasMore());
        MessagingViews.Page oldest = messages.history(alice, conversation, 30L, null, PAGE);
        assertEquals(1, oldest.messages().get(0).seq());
        assertEquals(29, oldest.messages().size());
        assertFalse(oldest.hasMore());
        MessagingViews.Page forward = messages.history(alice, conversation, null, (long) MESSAGES - 10, PAGE);
        assertEquals(10, forward.messages().size());
        assertFalse(forward.hasMore());
    }

    /** 100,000 messages in one transaction, straight into the tables (ids far above the sequence's). */
    private void fill(long conversation, long sender) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO message (id, conversation_id, seq,"
                        + " sender_id, kind, body, created_at) VALUES (?, ?, ?, ?, 'TEXT', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            long base = 900_000_000_000L + conversation * 1_000_000L;
            for (int seq = 1; seq <= MESSAGES; seq++) {
                insert.setLong(1, base + seq);
                insert.setLong(2, conversation);
                insert.setLong(3, seq);
                insert.setLong(4, sender);
                insert.setString(5, "message " + seq);
                insert.setTimestamp(6, now);
                insert.addBatch();
                if (seq % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            try (Statement update = c.createStatement()) {
                update.executeUpdate("UPDATE conversation SET last_seq = " + MESSAGES + " WHERE id = " + conversation);
                if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    // Statistics, as autovacuum would gather them soon after a load like this.
                    update.execute("ANALYZE message");
                }
            }
        }
    }

    /**
     * Rows the page's query read, from the database's own account of running it: H2's
     * {@code scanCount}, or on PostgreSQL the rows of the index scan that feeds the page (and no
     * table scan or sort anywhere in the plan).
     */
    private long scanned(String sql, long conversation, long position) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            explain.setLong(1, conversation);
            explain.setLong(2, position);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            Matcher count = (postgres ? PG_INDEX_ROWS : SCAN_COUNT).matcher(plan);
            assertTrue(count.find(), plan.toString());
            if (postgres) {
                assertFalse(
                        plan.toString().contains("Seq Scan") || plan.toString().contains("Sort"), plan.toString());
            }
            return Long.parseLong(count.group(1));
        }
    }
}

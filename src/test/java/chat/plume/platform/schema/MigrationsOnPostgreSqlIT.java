package chat.plume.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.PostgreSqlLeg;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on a real PostgreSQL (the PostgreSQL leg of the matrix; the H2 side is
 * {@link MigrationsTest}): from an empty database as a new installation, and from the schema the
 * previous release left, with rows in it, as an upgrade. Each test has a throw-away database.
 */
class MigrationsOnPostgreSqlIT {

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaOnce() throws SQLException {
        PGSimpleDataSource dataSource = freshDatabase("plume_it_empty");

        assertThat(Migrations.apply(dataSource).success).isTrue();
        assertThat(Migrations.apply(dataSource).migrationsExecuted).isZero();

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : V7__Sequences_ahead_of_their_tables.TABLES) {
                try (ResultSet next = statement.executeQuery("SELECT nextval('" + table + "_seq')")) {
                    next.next();
                    assertThat(next.getLong(1)).as(table).isEqualTo(V7__Sequences_ahead_of_their_tables.BLOCK);
                }
            }
        }
    }

    @Test
    void thePreviousReleasesSchemaIsUpgradedKeepingItsRows() throws SQLException {
        PGSimpleDataSource dataSource = freshDatabase("plume_it_upgrade");
        PreviousRelease.schema(dataSource);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO conversation (id, kind, last_seq, created_at) VALUES (1234, 'GROUP', 1, NOW())");
            statement.execute("INSERT INTO message (id, conversation_id, seq, sender_id, kind, body, client_message_id,"
                    + " created_at) VALUES (77, 1234, 1, 1, 'TEXT', '明天一起去爬山吧', 'up-1', NOW())");
        }

        assertThat(Migrations.apply(dataSource).migrationsExecuted).isEqualTo(17); // V7 to V23

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet next = statement.executeQuery("SELECT nextval('conversation_seq')")) {
                next.next();
                assertThat(next.getLong(1) - (V7__Sequences_ahead_of_their_tables.BLOCK - 1))
                        .isGreaterThan(1234);
            }
            try (ResultSet kept = statement.executeQuery("SELECT body FROM message WHERE id = 77")) {
                kept.next();
                assertThat(kept.getString(1)).isEqualTo("明天一起去爬山吧");
            }
        }
    }

    /**
     * The search's query, exactly as the persistence providers write it ({@code lower(body) like ?
     * escape '!'}), finds Chinese text and can be answered from the trigram index.
     */
    @Test
    void substringSearchFindsChineseTextThroughTheTrigramIndex() throws SQLException {
        PGSimpleDataSource dataSource = freshDatabase("plume_it_search");
        Migrations.apply(dataSource);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO conversation (id, kind, last_seq, created_at) VALUES (1, 'GROUP', 2, NOW())");
            statement.execute("INSERT INTO message (id, conversation_id, seq, sender_id, kind, body, client_message_id,"
                    + " created_at) VALUES (1, 1, 1, 1, 'TEXT', '明天一起去爬山吧', 's-1', NOW()),"
                    + " (2, 1, 2, 1, 'TEXT', 'Let us climb the Hill tomorrow', 's-2', NOW())");
            String query = "SELECT id FROM message WHERE lower(body) LIKE ? ESCAPE '!'";
            assertThat(ids(connection, query, "%一起去爬%")).containsExactly(1L);
            assertThat(ids(connection, query, "%the hill%")).containsExactly(2L);

            // With two rows a table scan is cheaper; forbid it to see whether the index can serve.
            statement.execute("SET enable_seqscan = off");
            List<String> plan = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
                explain.setString(1, "%一起去爬%");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            }
            assertThat(String.join("\n", plan)).contains("ix_message_body_trgm");
        }
    }

    private static List<Long> ids(Connection connection, String query, String pattern) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static PGSimpleDataSource freshDatabase(String name) {
        PostgreSqlLeg.recreate(name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {System.getProperty("plume.it.db.host")});
        dataSource.setPortNumbers(new int[] {Integer.getInteger("plume.it.db.port")});
        dataSource.setDatabaseName(name);
        dataSource.setUser(System.getProperty("plume.it.db.user"));
        dataSource.setPassword(System.getProperty("plume.it.db.password"));
        return dataSource;
    }
}

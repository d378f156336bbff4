package chat.plume.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migrations run from scratch on H2, both in its own dialect and in PostgreSQL compatibility
 * mode (a first guard for portability; the PostgreSQL issue runs them on a real PostgreSQL), and
 * a second run finds nothing to do.
 */
class MigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"REGULAR", "PostgreSQL"})
    void migrationsCreateTheSchemaOnceAndOnlyOnce(String mode) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations_" + mode + ";MODE=" + mode + ";DB_CLOSE_DELAY=-1");

        MigrateResult first = Migrations.apply(dataSource);
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();

        MigrateResult second = Migrations.apply(dataSource);
        assertThat(second.migrationsExecuted).isZero();

        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            Set<String> names = new HashSet<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("account", "auth_session", "schema_history");
        }
        // Every id sequence now gives a first block that starts at 1 or above (EclipseLink's need).
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (String table : V7__Sequences_ahead_of_their_tables.TABLES) {
                try (ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR " + table + "_seq")) {
                    next.next();
                    assertThat(next.getLong(1)).as(table).isEqualTo(50);
                }
            }
        }
    }

    @Test
    void sequencesMovePastTheIdsAlreadyInUse() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations_existing;DB_CLOSE_DELAY=-1");
        // The schema as the previous release left it, with rows in it.
        PreviousRelease.schema(dataSource);
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO conversation (id, kind, last_seq, created_at) VALUES (1234, 'GROUP', 0, NOW())");
        }
        assertThat(Migrations.apply(dataSource).migrationsExecuted).isEqualTo(17); // V7 to V23
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR conversation_seq")) {
            next.next();
            assertThat(next.getLong(1) - (V7__Sequences_ahead_of_their_tables.BLOCK - 1))
                    .isGreaterThan(1234);
        }
    }

    @Test
    void unreadMentionsOfThePreviousReleaseBecomeMarkers() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations_mentions;DB_CLOSE_DELAY=-1");
        PreviousRelease.schema(dataSource);
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (int account = 1; account <= 4; account++) {
                statement.execute("INSERT INTO account (id, username, username_key, display_name, password_hash,"
                        + " role, created_at, password_changed_at, version) VALUES (" + account + ", 'u" + account
                        + "', 'u" + account + "', 'U', 'x', 'USER', NOW(), NOW(), 0)");
            }
            statement.execute(
                    "INSERT INTO conversation (id, kind, last_seq, created_at) VALUES (7, 'GROUP', 3, NOW())");
            // 1 has read nothing; 2 has read everything; 3 was mentioned only by a recalled
            // message; 4 was never mentioned.
            int[][] members = {{1, 0}, {2, 3}, {3, 0}, {4, 0}};
            for (int[] m : members) {
                statement.execute("INSERT INTO conversation_member (id, conversation_id, account_id, read_seq, pinned,"
                        + " muted, joined_at) VALUES (" + m[0] + ", 7, " + m[0] + ", " + m[1]
                        + ", FALSE, FALSE, NOW())");
            }
            statement.execute("INSERT INTO message (id, conversation_id, seq, sender_id, kind, body, mentions,"
                    + " created_at) VALUES (1, 7, 1, 4, 'TEXT', 'a', '1,2', NOW())");
            statement.execute("INSERT INTO message (id, conversation_id, seq, sender_id, kind, body, mentions,"
                    + " created_at) VALUES (2, 7, 2, 4, 'TEXT', 'b', '12,2', NOW())");
            statement.execute("INSERT INTO message (id, conversation_id, seq, sender_id, kind, body, mentions,"
                    + " created_at, recalled_at) VALUES (3, 7, 3, 4, 'TEXT', 'c', '3', NOW(), NOW())");
        }
        Migrations.apply(dataSource);
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT account_id, mentioned_seq FROM conversation_member ORDER BY account_id")) {
            List<String> markers = new ArrayList<>();
            while (rows.next()) {
                markers.add(rows.getLong(1) + ":" + rows.getLong(2));
            }
            // 1's newest unread mention is message 1 (message 2 names 12, not 1); 2 has read
            // theirs; a recalled mention does not count.
            assertThat(markers).containsExactly("1:1", "2:0", "3:0", "4:0");
        }
    }
}

package chat.plume.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
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
        assertThat(Migrations.apply(dataSource).migrationsExecuted).isEqualTo(16); // V7 to V22
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet next = statement.executeQuery("SELECT NEXT VALUE FOR conversation_seq")) {
            next.next();
            assertThat(next.getLong(1) - (V7__Sequences_ahead_of_their_tables.BLOCK - 1))
                    .isGreaterThan(1234);
        }
    }
}

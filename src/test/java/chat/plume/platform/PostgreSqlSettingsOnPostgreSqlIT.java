package chat.plume.platform;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A missing or wrong PostgreSQL setting stops Plume's deployment with a message naming it —
 * never a silent fallback to H2 (the PostgreSQL leg: WildFly as configured by
 * {@code wildfly-config/configure-postgresql.cli}, started as an operator would, on ports +400).
 */
class PostgreSqlSettingsOnPostgreSqlIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aMissingDatabaseNameStopsTheDeploymentNamingTheSetting() {
        try (ServerProcess server =
                new ServerProcess(Path.of("target", "pg-settings-it"), 400).environment("PLUME_DB_NAME", null)) {
            server.startUntilConsoleShows("WFLYSRV0026", WAIT); // "started (with errors)"
            assertThat(server.console()).contains("Cannot resolve expression").contains("PLUME_DB_NAME");
            assertThat(server.status("/api/v1/health")).isNotEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordStopsTheDeploymentWithTheDatabasesAnswer() {
        try (ServerProcess server = new ServerProcess(Path.of("target", "pg-settings-it"), 400)
                .environment("PLUME_DB_PASSWORD", "not-the-password")) {
            server.startUntilConsoleShows("WFLYSRV0026", WAIT);
            // WildFly's JPA layer connects first, while starting the persistence unit.
            assertThat(server.console()).contains("password authentication failed for user");
            assertThat(server.status("/api/v1/health")).isNotEqualTo(200);
        }
    }
}

package chat.plume.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datasources Plume refuses at deployment, tried on real H2 databases. */
class DatabaseCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void plumesOwnFileWithDurableCommitsAndALockTimeoutPasses() throws SQLException {
        try (Connection c = h2("jdbc:h2:file:" + dataDir + "/plume;WRITE_DELAY=0;LOCK_TIMEOUT=10000")) {
            DatabaseCheck.verify(c, dataDir);
        }
    }

    @Test
    void anH2DatabaseOutsideTheDataDirectoryIsRefusedByName(@TempDir Path elsewhere) throws SQLException {
        // What an unconfigured Payara hands out: its own H2 in its instance directory.
        try (Connection c = h2("jdbc:h2:" + elsewhere + "/embedded_default;WRITE_DELAY=0;LOCK_TIMEOUT=10000")) {
            assertThatThrownBy(() -> DatabaseCheck.verify(c, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(elsewhere + "/embedded_default")
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("plume.data.dir");
        }
    }

    @Test
    void anH2DatabaseWithoutDurableCommitsIsRefused() throws SQLException {
        try (Connection c = h2("jdbc:h2:file:" + dataDir + "/plume;LOCK_TIMEOUT=10000")) {
            assertThatThrownBy(() -> DatabaseCheck.verify(c, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WRITE_DELAY=0");
        }
    }

    @Test
    void anH2DatabaseWithoutALockTimeoutIsRefused() throws SQLException {
        try (Connection c = h2("jdbc:h2:file:" + dataDir + "/plume;WRITE_DELAY=0;LOCK_TIMEOUT=0")) {
            assertThatThrownBy(() -> DatabaseCheck.verify(c, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LOCK_TIMEOUT");
        }
    }

    @Test
    void anInMemoryDatabaseIsRefused() throws SQLException {
        try (Connection c = h2("jdbc:h2:mem:check;WRITE_DELAY=0")) {
            assertThatThrownBy(() -> DatabaseCheck.verify(c, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("jdbc:h2:mem:check");
        }
    }

    @Test
    void h2UrlsNameTheirFile() {
        assertThat(DatabaseCheck.h2File("jdbc:h2:file:/srv/plume/data/plume;WRITE_DELAY=0"))
                .contains(Path.of("/srv/plume/data/plume"));
        assertThat(DatabaseCheck.h2File("jdbc:h2:/srv/payara/embedded_default;AUTO_SERVER=TRUE"))
                .contains(Path.of("/srv/payara/embedded_default"));
        assertThat(DatabaseCheck.h2File("jdbc:h2:file:/srv/a/../data/plume")).contains(Path.of("/srv/data/plume"));
        assertThat(DatabaseCheck.h2File("jdbc:h2:mem:plume")).isEmpty();
        assertThat(DatabaseCheck.h2File("jdbc:h2:tcp://db:9092/plume")).isEmpty();
        assertThat(DatabaseCheck.h2File("jdbc:postgresql://db/plume")).isEmpty();
    }

    @Test
    void aTimeZoneWithDaylightSavingAheadIsWarnedAbout() {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(DatabaseCheck.timeZoneWarning(ZoneId.of("Europe/Berlin"), now))
                .contains("Europe/Berlin")
                .contains("-Duser.timezone=UTC");
        assertThat(DatabaseCheck.timeZoneWarning(ZoneOffset.UTC, now)).isNull();
        assertThat(DatabaseCheck.timeZoneWarning(ZoneId.of("Asia/Shanghai"), now))
                .isNull();
    }

    private static Connection h2(String url) throws SQLException {
        return DriverManager.getConnection(url, "plume", "plume");
    }
}

package chat.plume.platform.schema;

import chat.plume.platform.DataDirectory;
import chat.plume.platform.database.DatabaseCheck;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Checks that the datasource is one Plume may run on ({@link DatabaseCheck}), then brings the
 * schema up to date when Plume is deployed. Other startup beans that touch the
 * database declare {@code @DependsOn("SchemaMigration")}. If a migration fails, deployment fails:
 * a half-migrated schema must not serve traffic.
 *
 * <p>Bean-managed transactions: Flyway commits each migration itself.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** The portable default datasource, which the server's configuration points at Plume's database. */
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String zoneWarning = DatabaseCheck.timeZoneWarning(ZoneId.systemDefault(), Instant.now());
        if (zoneWarning != null) {
            LOG.warning(zoneWarning);
        }
        DataDirectory.ensure();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseCheck.verify(connection, DataDirectory.resolve());
        } catch (SQLException e) {
            throw new IllegalStateException("Plume cannot reach its database: " + e.getMessage(), e);
        }
        MigrateResult result = Migrations.apply(dataSource);
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }
}

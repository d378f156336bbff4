package chat.plume.platform.schema;

import chat.plume.platform.database.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Plume's Flyway migrations, applied to a datasource: {@code db/migration} for both databases,
 * {@code db/vendor/h2} or {@code db/vendor/postgresql} where one can do what the other cannot
 * (the same version numbers on both).
 */
public final class Migrations {

    private Migrations() {}

    /** {@code h2} or {@code postgresql}: the folder of the versions written for one database only. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Vendor.of(connection)
                    .orElseThrow(() -> new IllegalStateException("Plume runs on H2 or PostgreSQL"))
                    .folder();
        } catch (SQLException e) {
            throw new IllegalStateException("Plume cannot reach its database: " + e.getMessage(), e);
        }
    }

    /** Runs the migrations on any datasource; {@link SchemaMigration} at deployment, the unit tests on a throw-away one. */
    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                // Common SQL, then what only this database can do.
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .table("schema_history")
                // Java migrations are named here, not found by scanning classes (which fails in
                // several containers): the SQL ones are plain resources.
                .javaMigrations(new V7__Sequences_ahead_of_their_tables())
                .load()
                .migrate();
    }
}

package chat.plume.platform.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Plume's Flyway migrations ({@code db/migration}), applied to a datasource. */
public final class Migrations {

    private Migrations() {}

    /** Runs the migrations on any datasource; {@link SchemaMigration} at deployment, the unit tests on a throw-away one. */
    public static MigrateResult apply(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                // Java migrations are named here, not found by scanning classes (which fails in
                // several containers): the SQL ones are plain resources.
                .javaMigrations(new V7__Sequences_ahead_of_their_tables())
                .load()
                .migrate();
    }
}

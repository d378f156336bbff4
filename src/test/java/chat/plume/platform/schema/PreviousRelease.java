package chat.plume.platform.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema as the previous release left it (version 6, before the sequences were moved and the
 * search indexes added), for the tests that upgrade a database with rows in it.
 */
final class PreviousRelease {

    static final String VERSION = "6";

    private PreviousRelease() {}

    static void schema(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                .target(VERSION)
                .load()
                .migrate();
    }
}

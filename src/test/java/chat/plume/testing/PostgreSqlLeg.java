package chat.plume.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the PostgreSQL legs of the IT matrix start their server: a fresh, empty database, so
 * that every run migrates from nothing as a new installation does (and no run sees the last one's
 * data). Needs a role that may create databases (.ci/run makes one); if PostgreSQL cannot be
 * reached the leg stops here, saying what it needs. Does nothing in the other legs.
 */
public final class PostgreSqlLeg implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (active()) {
            recreate(setting("plume.it.db.name"));
        }
    }

    /** Whether this is a PostgreSQL leg of the matrix. */
    public static boolean active() {
        return Leg.name().endsWith("-postgresql");
    }

    /** Drops (closing its connections) and creates {@code database}, owned by the test role. */
    public static void recreate(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            // From template0: a cluster made without a UTF-8 locale has an SQL_ASCII template1,
            // which PostgreSQL will not copy into a UTF-8 database.
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The PostgreSQL leg of the ITs needs PostgreSQL at "
                            + setting("plume.it.db.host") + ":" + setting("plume.it.db.port") + " with a role "
                            + setting("plume.it.db.user") + " that may create databases (.ci/run sets it up;"
                            + " README, \"Tests\"): " + e.getMessage(),
                    e);
        }
    }

    /** A connection to {@code database} as the test role. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + setting("plume.it.db.host") + ":" + setting("plume.it.db.port") + "/" + database,
                setting("plume.it.db.user"),
                setting("plume.it.db.password"));
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (pom.xml sets it for the ITs)");
        }
        return value;
    }
}

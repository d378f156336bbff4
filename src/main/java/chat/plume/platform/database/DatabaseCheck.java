package chat.plume.platform.database;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, at deployment, a database Plume must not run on — so that a server that was not
 * configured for Plume stops with a message naming what is wrong instead of serving from the
 * wrong place. The trap it closes: the persistence unit uses the portable default datasource, and
 * an unconfigured Payara binds that to an H2 database of its own in a temporary directory
 * (no durable commits, no lock timeout, gone at restart) while Payara still prints "ready".
 *
 * <ul>
 *   <li>H2 must be a file in Plume's data directory, with {@code WRITE_DELAY=0} (an acknowledged
 *       commit is on disk) and a lock timeout (a sender blocked on a busy conversation is told
 *       {@code busy} instead of waiting for ever).
 *   <li>PostgreSQL must have a {@code lock_timeout} for the same reason (PostgreSQL waits for ever
 *       by default); the datasource scripts set it for each connection.
 *   <li>Nothing else: the migrations are written and tested for these two.
 * </ul>
 */
public final class DatabaseCheck {

    private static final String CONFIGURE =
            "configure the server for Plume (wildfly-config/ or payara-config/; README, \"Configuration\")";

    private DatabaseCheck() {}

    /**
     * A warning for a JVM whose time zone still has daylight-saving changes ahead, or null. Plume
     * stores UTC wall times through {@code java.sql.Timestamp} in the JVM's zone (both JPA
     * providers do); that round-trips every time except those in the hour a spring change skips
     * locally, which would be stored an hour off. UTC, or a zone without changes (Asia/Shanghai),
     * has no such hour.
     */
    public static String timeZoneWarning(ZoneId zone, Instant now) {
        if (zone.getRules().nextTransition(now) == null) {
            return null;
        }
        return "The server's time zone " + zone.getId() + " has daylight-saving changes: message times in the"
                + " hour each spring change skips would be stored an hour off. Run the server with"
                + " -Duser.timezone=UTC (README, \"Production\").";
    }

    /** Throws {@link IllegalStateException} naming the problem if Plume must not run on this database. */
    public static void verify(Connection connection, Path dataDirectory) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        Vendor vendor = Vendor.of(connection)
                .orElseThrow(() -> new IllegalStateException(
                        "Plume runs on H2 or PostgreSQL; its datasource is " + product + ": " + CONFIGURE));
        switch (vendor) {
            case H2 -> verifyH2(connection, meta.getURL(), dataDirectory);
            case POSTGRESQL -> verifyPostgreSql(connection);
        }
    }

    private static void verifyH2(Connection connection, String url, Path dataDirectory) throws SQLException {
        Path expected = dataDirectory.toAbsolutePath().normalize();
        Optional<Path> file = h2File(url);
        if (file.isEmpty() || !expected.equals(file.get().getParent())) {
            throw new IllegalStateException("Plume's datasource is the H2 database " + withoutSettings(url)
                    + ", not one in Plume's data directory " + expected + " (plume.data.dir): " + CONFIGURE);
        }
        String writeDelay = h2Setting(connection, "WRITE_DELAY");
        if (!"0".equals(writeDelay)) {
            throw new IllegalStateException("Plume's H2 datasource has WRITE_DELAY=" + writeDelay
                    + "; it needs WRITE_DELAY=0 so that an acknowledged message is on disk: " + CONFIGURE);
        }
        if (h2LockTimeoutMillis(connection) <= 0) {
            throw new IllegalStateException(
                    "Plume's H2 datasource has no LOCK_TIMEOUT (set LOCK_TIMEOUT=10000): " + CONFIGURE);
        }
    }

    private static void verifyPostgreSql(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW lock_timeout")) {
            rows.next();
            String timeout = rows.getString(1);
            if (timeout.equals("0")) {
                throw new IllegalStateException("Plume's PostgreSQL datasource has lock_timeout=0 (wait for ever);"
                        + " set it, e.g. options=-c lock_timeout=10s in the JDBC URL: " + CONFIGURE);
            }
        }
    }

    /**
     * The database file an H2 URL names ({@code jdbc:h2:file:/dir/name;…} or
     * {@code jdbc:h2:/dir/name;…}), or empty for in-memory, server or unparseable URLs.
     */
    static Optional<Path> h2File(String url) {
        String rest = withoutSettings(url);
        if (!rest.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        rest = rest.substring("jdbc:h2:".length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.contains(":") && !rest.matches("(?i)^[a-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, … (a Windows drive letter is a file)
        }
        try {
            return Optional.of(Path.of(rest).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String withoutSettings(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }

    /** The session's lock timeout: a per-session setting, so not among H2's {@code SETTINGS}. */
    private static long h2LockTimeoutMillis(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("CALL LOCK_TIMEOUT()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String h2Setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '"
                                + name.toUpperCase(Locale.ROOT) + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}

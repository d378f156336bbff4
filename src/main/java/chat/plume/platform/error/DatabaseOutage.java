package chat.plume.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Whether a failure was the database being out of reach (stopped, restarting, unreachable, or its
 * pool unable to hand out a connection): nothing was done, the request may be tried again later
 * ({@code unavailable}, HTTP 503), and this is an operations problem, not a bug. Recognised by
 * what the JDBC drivers and pools say rather than by a provider's exception classes, so that it is
 * the same on Hibernate and EclipseLink, WildFly and Payara, H2 and PostgreSQL:
 *
 * <ul>
 *   <li>a connection {@link SQLException}: SQLState class {@code 08} (PostgreSQL's "connection
 *       refused", "connection failure"), {@code 57P01}–{@code 57P03} (PostgreSQL shutting down or
 *       starting up), or JDBC's connection exception types;
 *   <li>a Jakarta Connectors {@code ResourceException} in the chain: both servers' pools report
 *       "could not get a connection" with one (WildFly's {@code IJ000453}, Payara's
 *       {@code ResourceAllocationException}), matched by name so that the connector API need not
 *       be visible to the application.
 * </ul>
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    private static final String RESOURCE_EXCEPTION = "jakarta.resource.ResourceException";
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (isA(t.getClass(), RESOURCE_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs the outage, at most once every 10 s: while the database is away every request fails
     * the same way, and one line says it (the health probe says it too); no stack trace, since it
     * is not a bug.
     */
    public static void report(Throwable failure) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.warning("The database is out of reach; requests are answered 'unavailable' until it is back: "
                    + rootMessage(failure));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}

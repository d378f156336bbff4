package chat.plume.platform.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * One step of compacting H2's store file while it is in use. With {@code WRITE_DELAY=0} (needed so
 * that an acknowledged commit survives a kill) H2 never runs its background writer, and so never
 * rewrites old chunks: each commit left a chunk with a few live pages, and the file grew about
 * 7 KB per ~150-byte message (8.8 GB for 1.24 million). H2 offers no SQL to compact a running
 * database, so this uses its store API (the same methods in 2.2 and 2.3): rewrite the live pages
 * of sparse chunks (at most 2 MB a step), move chunks down and truncate the file (at most 4 MB a
 * step), fsync. A step takes 5–90 ms; writers wait at most that long.
 *
 * <p>Kept apart from the bean that schedules it so that nothing but this class needs H2's
 * classes, which exist only where the embedded database runs.
 */
final class H2Store {

    private static final int TARGET_FILL_PERCENT = 90;
    private static final int REWRITE_BYTES = 2 << 20;
    private static final int MOVE_BYTES = 4 << 20;

    private H2Store() {}

    /** Whether the connection is H2's (under whatever pool wraps it). */
    static boolean isH2(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class);
    }

    /**
     * Rewrites the live pages of sparse chunks, so that whole chunks die and their space is reused
     * (this bounds the file); with {@code shrink}, also moves chunks down and truncates the file
     * (this gives space back, and is the costlier half, so it runs less often).
     */
    static void compactStep(DataSource dataSource, Connection connection, boolean shrink) throws SQLException {
        MVStore store = store(dataSource, connection);
        store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES);
        store.commit();
        if (shrink && store.getFileStore() instanceof RandomAccessStore file) {
            file.compactMoveChunks(TARGET_FILL_PERCENT, MOVE_BYTES, store);
        }
        store.sync();
    }

    /** Bytes the store file takes on disk now. */
    static long fileSize(DataSource dataSource, Connection connection) throws SQLException {
        return store(dataSource, connection).getFileStore().size();
    }

    private static MVStore store(DataSource dataSource, Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) h2(dataSource, connection).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /**
     * H2's own connection under the pool's wrapper. WildFly's wrapper unwraps to H2's class;
     * Payara's {@code unwrap} answers only interfaces (it returns a proxy, and H2's connection is a
     * class), but its data sources hand out the physical connection themselves
     * ({@code com.sun.appserv.jdbc.DataSource#getConnection(Connection)}, looked up by name so
     * that nothing here depends on Payara).
     */
    private static JdbcConnection h2(DataSource dataSource, Connection connection) throws SQLException {
        Method physical;
        try {
            physical = dataSource.getClass().getMethod("getConnection", Connection.class);
        } catch (NoSuchMethodException notPayara) {
            return connection.unwrap(JdbcConnection.class);
        }
        try {
            return (JdbcConnection) physical.invoke(dataSource, connection);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException(e);
        }
    }
}

package chat.plume.platform.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves every id sequence so that its next value is at least 50 and at least 50 past its
 * table's highest id.
 *
 * <p>Why: the entities allocate ids 50 at a time ({@code allocationSize = 50}, the sequences
 * {@code INCREMENT BY 50}), and both JPA providers read a sequence value as the <em>top</em> of
 * a block of 50. The sequences were created {@code START WITH 1}: Hibernate special-cases that
 * first value, EclipseLink (Payara) refuses it (EclipseLink-7027: "its increment does not match
 * its pre-allocation size"), so Plume could not create a row on Payara. After this migration
 * both read the same blocks, on any database. Sequences added later start at 50.
 *
 * <p>A Java migration because the value depends on the data (an existing database keeps its
 * ids); the statement it writes, {@code ALTER SEQUENCE … RESTART WITH n}, is the same on H2 and
 * PostgreSQL. Registered with Flyway explicitly ({@link Migrations}), never found by scanning
 * classes, which fails in several containers.
 */
public class V7__Sequences_ahead_of_their_tables extends BaseJavaMigration {

    /** The entities' allocation size, which is also each sequence's increment. */
    static final long BLOCK = 50;

    /** Each id sequence and the table it numbers. */
    static final List<String> TABLES = List.of(
            "account",
            "auth_session",
            "contact_group",
            "friendship",
            "friend_request",
            "user_block",
            "chat_group",
            "group_member",
            "group_join_request",
            "conversation",
            "message",
            "conversation_member",
            "media");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                long highest;
                try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                    max.next();
                    highest = max.getLong(1);
                }
                statement.execute("ALTER SEQUENCE " + table + "_seq RESTART WITH " + nextTop(highest));
            }
        }
    }

    /** The first block's top: its bottom ({@code top - 49}) lies above every id in use, and is at least 1. */
    static long nextTop(long highestId) {
        return Math.max(BLOCK, highestId + BLOCK);
    }
}

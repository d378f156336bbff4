package chat.plume.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.Moderation;
import chat.plume.identity.entity.Role;
import chat.plume.platform.error.ConflictException;
import chat.plume.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, against the tables: the audit chain stays one chain under concurrent appends,
 * and a changed or removed row makes verification fail at exactly that row. Each tampering is
 * undone before the test ends, so the shared server's chain is intact again for the next test.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(AuditLogIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    Moderation moderation;

    @Resource
    UserTransaction transaction;

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = trail.verify().checked();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> appended = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                appended.add(pool.submit(() -> trail.appendAlone(
                        AuditEntry.system("test.append", "audit", (long) n, null, "concurrent " + n, "127.0.0.1"))));
            }
            List<Long> positions = new ArrayList<>();
            for (Future<Long> f : appended) {
                positions.add(f.get());
            }
            assertEquals(40, new java.util.HashSet<>(positions).size());
        } finally {
            pool.shutdown();
        }
        AuditTrail.Verification verdict = trail.verify();
        assertTrue(verdict.intact(), verdict.toString());
        assertTrue(verdict.checked() >= before + 40, verdict.toString());
    }

    @Test
    void aChangedRowBreaksTheChainAtThatRow() throws Exception {
        long position = appendOne("tamper-target");
        appendOne("after-it");
        String original = single("SELECT reason FROM audit_event WHERE position = ?", position);
        try {
            update("UPDATE audit_event SET reason = ? WHERE position = ?", "nothing happened here", position);
            AuditTrail.Verification verdict = trail.verify();
            assertFalse(verdict.intact());
            assertEquals(position, verdict.brokenAt());
            assertEquals(position - 1, verdict.checked());
            assertTrue(verdict.problem().contains("content"), verdict.problem());
        } finally {
            update("UPDATE audit_event SET reason = ? WHERE position = ?", original, position);
        }
        assertTrue(trail.verify().intact());
    }

    @Test
    void aRemovedRowBreaksTheChainWhereItWas() throws Exception {
        long position = appendOne("to-be-removed");
        appendOne("after-it");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_event_kept AS SELECT * FROM audit_event WHERE position = " + position);
            try {
                s.execute("DELETE FROM audit_event WHERE position = " + position);
                AuditTrail.Verification verdict = trail.verify();
                assertFalse(verdict.intact());
                assertEquals(position, verdict.brokenAt());
                assertTrue(verdict.problem().contains("missing"), verdict.problem());
            } finally {
                s.execute("INSERT INTO audit_event SELECT * FROM audit_event_kept");
                s.execute("DROP TABLE audit_event_kept");
            }
        }
        assertTrue(trail.verify().intact());
    }

    @Test
    void theLastAdministratorWhoCanSignInIsNeitherDemotedNorBanned() throws Exception {
        Caller colleague =
                new Caller(-1, "colleague", Role.ADMIN, -1, Instant.now().plusSeconds(60));
        assertEquals(
                "last_admin", withOneAdminLeft(last -> code(() -> moderation.setRole(colleague, last, Role.USER))));
        assertEquals("last_admin", withOneAdminLeft(last -> code(() -> moderation.ban(colleague, last, null, "x"))));
    }

    /**
     * Inside a transaction that is rolled back afterwards: every administrator but one is demoted,
     * and the action is tried on the one left (a refusal marks the transaction for rollback, so
     * each attempt gets a transaction of its own).
     */
    private String withOneAdminLeft(java.util.function.LongFunction<String> attempt) throws Exception {
        transaction.begin();
        try {
            long last;
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT MIN(id) FROM account WHERE role = 'ADMIN'")) {
                r.next();
                last = r.getLong(1);
                s.executeUpdate("UPDATE account SET role = 'USER' WHERE role = 'ADMIN' AND id <> " + last);
            }
            return attempt.apply(last);
        } finally {
            transaction.rollback();
        }
    }

    private static String code(Runnable action) {
        try {
            action.run();
            return "done";
        } catch (ConflictException e) {
            return e.code();
        } catch (jakarta.ejb.EJBException e) {
            return e.getCause() instanceof ConflictException c ? c.code() : e.toString();
        }
    }

    private long appendOne(String detail) {
        return trail.appendAlone(AuditEntry.system("test.tamper", "audit", null, null, detail, "127.0.0.1"));
    }

    private String single(String sql, long position) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, position);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private void update(String sql, String value, long position) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setLong(2, position);
            assertEquals(1, s.executeUpdate());
        }
    }
}

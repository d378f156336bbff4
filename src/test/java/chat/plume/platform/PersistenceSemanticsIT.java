package chat.plume.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.testing.Api;
import chat.plume.testing.Deployments;
import chat.plume.testing.Json;
import chat.plume.testing.Names;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the persistence layer must do alike on every server and database of the matrix, tried in
 * the container against the real database.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceSemanticsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(PersistenceSemanticsIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Accounts accounts;

    /**
     * A row changed outside this persistence unit (by another node, an operator's SQL) is what the
     * next transaction reads. EclipseLink keeps a shared cache of entities unless told not to; with
     * it, the second read would still say "Before" (persistence.xml turns it off).
     */
    @Test
    void aRowChangedElsewhereIsReadFreshByTheNextTransaction() throws Exception {
        long id = accounts.register(
                        new RegistrationRequest(Names.unique("Fresh"), "Before", "password-fresh", null), "127.0.0.1")
                .id();
        assertEquals("Before", accounts.publicProfile(id).displayName());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE account SET display_name = ? WHERE id = ?")) {
            update.setString(1, "After");
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }

        assertEquals("After", accounts.publicProfile(id).displayName());
    }

    /**
     * Timestamps are stored as UTC wall times whatever the JVM's zone: the test servers run in
     * Asia/Shanghai (UTC+8), so a provider that converted through the JVM's zone would store a
     * time eight hours off.
     */
    @Test
    void timestampsAreStoredInUtcWhateverTheServersTimeZone() throws Exception {
        assertEquals(
                false,
                ZoneId.systemDefault().getRules().getOffset(Instant.now()).equals(ZoneOffset.UTC),
                "the test servers run in a zone other than UTC (plume.it.settings)");
        String username = Names.unique("Utc");
        accounts.register(new RegistrationRequest(username, "Utc", "password-utc", null), "127.0.0.1");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT created_at FROM account WHERE username_key = ?")) {
            query.setString(1, username.toLowerCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                assertEquals(true, row.next());
                LocalDateTime stored = row.getObject(1, LocalDateTime.class);
                Duration off = Duration.between(LocalDateTime.now(ZoneOffset.UTC), stored)
                        .abs();
                assertEquals(
                        true,
                        off.compareTo(Duration.ofMinutes(2)) < 0,
                        "stored " + stored + ", UTC now " + LocalDateTime.now(ZoneOffset.UTC));
            }
        }
    }

    /**
     * A send that cannot have its conversation's lock in time is refused {@code busy} — nothing
     * stored, the client retries — on H2 (its {@code LOCK_TIMEOUT}) and PostgreSQL (its
     * {@code lock_timeout}) alike, and the same request succeeds once the lock is free, stored
     * once.
     */
    @Test
    void aSendBlockedByAHeldLockIsRefusedBusyAndStoredOnceWhenRetried() throws Exception {
        Api api = new Api(URI.create(System.getProperty("plume.it.base-url")));
        Person alice = Person.create(api, "Held");
        Person bob = Person.create(api, "Held");
        Person.befriend(alice, bob);
        long conversation = alice.conversationWith(bob);
        String send = Json.object(
                "type", "send", "id", "b1", "conversation", conversation, "clientMessageId", "held-1", "body", "wait");

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, conversation);
                try (ResultSet locked = lock.executeQuery()) {
                    assertEquals(true, locked.next());
                }
            }
            try (WsClient socket = alice.connect()) {
                JsonObject answer = socket.request(send, Duration.ofSeconds(90));
                assertEquals("error", answer.getString("type"), answer.toString());
                assertEquals("busy", answer.getString("code"), answer.toString());
            } finally {
                holder.rollback();
            }
        }

        JsonObject ack = alice.sendText(conversation, "held-1", "wait");
        assertEquals("ack", ack.getString("type"), ack.toString());
        JsonObject page = Person.ok(200, bob.get("/conversations/" + conversation + "/messages"));
        assertEquals(1, page.getJsonArray("messages").size(), page.toString());
    }
}

package chat.plume.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.plume.identity.boundary.AccountLinks;
import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.EmailAddresses;
import chat.plume.identity.boundary.PasswordResets;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.identity.control.SessionTokens;
import chat.plume.identity.entity.LinkPurpose;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.testing.Deployments;
import chat.plume.testing.Names;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, straight from the table: a mailed link's token is stored only as its
 * digest, and once its time has passed it no longer works — for a password reset or an address.
 */
@ExtendWith(ArquillianExtension.class)
class MailedLinksIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(MailedLinksIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Inject
    Accounts accounts;

    @Inject
    AccountLinks links;

    @Inject
    PasswordResets resets;

    @Inject
    EmailAddresses addresses;

    @Test
    void aLinkIsStoredAsItsDigestAndStopsWorkingWhenItExpires() throws Exception {
        long id = accounts.register(
                        new RegistrationRequest(Names.unique("Expire"), "Expire", "password-expire", null), "127.0.0.1")
                .id();
        transaction.begin();
        String reset = links.issue(id, LinkPurpose.RESET_PASSWORD, null, Duration.ofMinutes(30));
        String verify = links.issue(id, LinkPurpose.VERIFY_EMAIL, "expire@mail.plume.test", Duration.ofHours(24));
        transaction.commit();

        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT token_hash FROM account_link WHERE account_id = ? ORDER BY id")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                assertEquals(SessionTokens.digest(reset), rows.getString(1));
                assertFalse(rows.getString(1).contains(reset.substring(4)));
            }
            // Both links' time has passed.
            try (PreparedStatement expire =
                    c.prepareStatement("UPDATE account_link SET expires_at = ? WHERE account_id = ?")) {
                expire.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
                expire.setLong(2, id);
                assertEquals(2, expire.executeUpdate());
            }
        }

        InvalidInputException expiredReset =
                assertThrows(InvalidInputException.class, () -> resets.complete(reset, "a new password", "127.0.0.1"));
        assertEquals("invalid_link", expiredReset.code());
        InvalidInputException expiredVerify = assertThrows(InvalidInputException.class, () -> addresses.verify(verify));
        assertEquals("invalid_link", expiredVerify.code());
    }
}

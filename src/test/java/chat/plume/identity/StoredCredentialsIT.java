package chat.plume.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.identity.boundary.Sessions;
import chat.plume.identity.boundary.SignInRequest;
import chat.plume.identity.boundary.SignedIn;
import chat.plume.testing.Deployments;
import chat.plume.testing.Names;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the container, straight from the tables: neither the password nor the session token is stored. */
@ExtendWith(ArquillianExtension.class)
class StoredCredentialsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(StoredCredentialsIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Test
    void theStoredPasswordIsASlowSaltedHashNotThePassword() throws Exception {
        String password = "my secret passphrase";
        String first = Names.unique("Hash1");
        String second = Names.unique("Hash2");
        accounts.register(new RegistrationRequest(first, "One", password, null), "127.0.0.1");
        accounts.register(new RegistrationRequest(second, "Two", password, null), "127.0.0.1");

        String firstHash = column("SELECT password_hash FROM account WHERE username_key = ?", first.toLowerCase())
                .get(0);
        String secondHash = column("SELECT password_hash FROM account WHERE username_key = ?", second.toLowerCase())
                .get(0);

        assertFalse(firstHash.contains(password));
        assertTrue(firstHash.startsWith("pbkdf2-sha256$600000$"), firstHash);
        assertNotEquals(firstHash, secondHash, "the same password hashes differently (salt)");
    }

    @Test
    void theSessionTokenIsStoredOnlyAsItsDigest() throws Exception {
        String username = Names.unique("Token");
        long id = accounts.register(new RegistrationRequest(username, "Token", "password-token", null), "127.0.0.1")
                .id();
        SignedIn signedIn = sessions.signIn(new SignInRequest(username, "password-token", null), "127.0.0.1", "test");

        List<String> stored = column("SELECT token_hash FROM auth_session WHERE account_id = ?", id);
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).contains(signedIn.token().substring(4)));
        assertEquals(64, stored.get(0).length());
    }

    private List<String> column(String sql, Object parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}

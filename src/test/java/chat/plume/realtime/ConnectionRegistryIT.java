package chat.plume.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.identity.boundary.Sessions;
import chat.plume.identity.boundary.SignInRequest;
import chat.plume.identity.boundary.SignedIn;
import chat.plume.testing.Await;
import chat.plume.testing.Deployments;
import chat.plume.testing.Names;
import chat.plume.testing.WsClient;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: one user with two connections (two tabs) is in the registry twice, and a
 * frame dispatched to the user reaches both.
 */
@ExtendWith(ArquillianExtension.class)
class ConnectionRegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(ConnectionRegistryIT.class);
    }

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    ConnectionRegistry registry;

    @Inject
    Dispatcher dispatcher;

    /** Sent through the dispatcher like any feature's frame. */
    public record Probe(String type, String note) {}

    @Test
    void bothSessionsOfOneUserAreRegisteredAndBothGetAPushedFrame() {
        String username = Names.unique("Tabs");
        long accountId = accounts.register(
                        new RegistrationRequest(username, "Tabs", "password-tabs", null), "127.0.0.1")
                .id();
        SignedIn first = sessions.signIn(new SignInRequest(username, "password-tabs", null), "127.0.0.1", "test");
        SignedIn second = sessions.signIn(new SignInRequest(username, "password-tabs", null), "127.0.0.1", "test");
        URI self = URI.create(System.getProperty("plume.it.base-url"));

        try (WsClient tab1 = WsClient.connect(self, first.token());
                WsClient tab2 = WsClient.connect(self, second.token())) {
            tab1.next("welcome", WAIT);
            tab2.next("welcome", WAIT);
            Await.until(
                    WAIT,
                    "both connections registered",
                    () -> registry.connectionsOf(accountId).size() == 2);
            Set<Long> sessionIds = registry.connectionsOf(accountId).stream()
                    .map(c -> c.caller().sessionId())
                    .collect(Collectors.toSet());
            assertEquals(2, sessionIds.size(), "each connection carries its own sign-in session");
            assertTrue(registry.isOnline(accountId));

            dispatcher.toUser(accountId, new Probe("probe", "to every tab"));

            JsonObject atTab1 = tab1.next("probe", WAIT);
            JsonObject atTab2 = tab2.next("probe", WAIT);
            assertEquals("to every tab", atTab1.getString("note"));
            assertEquals("to every tab", atTab2.getString("note"));
        }
        Await.until(WAIT, "the user to go offline", () -> !registry.isOnline(accountId));
    }
}

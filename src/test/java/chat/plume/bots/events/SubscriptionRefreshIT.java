package chat.plume.bots.events;

import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.testing.Await;
import chat.plume.testing.Deployments;
import chat.plume.testing.Names;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: a subscription this node did not make (another node's, written straight to
 * the table) is picked up by the sender's periodic refresh. (On Payara, in the deployment the
 * black-box tests share, that refresh failed every 10 s with "closed EntityManager" on the
 * scheduler's thread; in this in-container deployment it did not, so this test guards the
 * refresh's result, and the Payara leg's log shows the failure gone.)
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionRefreshIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.plumeWith(SubscriptionRefreshIT.class);
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    Accounts accounts;

    @Inject
    EventOutbox outbox;

    @Test
    void theRefreshSeesASubscriptionMadeOnAnotherNode() throws Exception {
        long bot = accounts.register(
                        new RegistrationRequest(Names.unique("Elsewhere"), "Elsewhere", "password-elsewhere", null),
                        "127.0.0.1")
                .id();
        long subscription = 8_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000_000);
        assertFalse(outbox.subscribes(bot));
        execute(
                "INSERT INTO bot_subscription (id, bot_id, url, events, secret, consecutive_failures, created_at)"
                        + " VALUES (?, ?, 'https://hooks.plume.test/elsewhere', 'message.created', 'whsec_elsewhere',"
                        + " 0, CURRENT_TIMESTAMP)",
                subscription,
                bot);
        try {
            Await.until(
                    Duration.ofSeconds(25),
                    "the periodic refresh (every 10 s) to see the new subscription",
                    () -> outbox.subscribes(bot));
        } finally {
            execute(
                    "UPDATE bot_subscription SET deleted_at = CURRENT_TIMESTAMP WHERE id = ? AND bot_id = ?",
                    subscription,
                    bot);
        }
    }

    private void execute(String sql, long first, long second) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, first);
            statement.setLong(2, second);
            statement.executeUpdate();
        }
    }
}

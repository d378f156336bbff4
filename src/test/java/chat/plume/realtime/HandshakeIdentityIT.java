package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Person;
import chat.plume.testing.WsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The caller found at the handshake is the one {@code @OnOpen} serves, under concurrent
 * handshakes, on every server of the matrix. The authenticator hands the caller from
 * {@code modifyHandshake} to {@code @OnOpen} through the endpoint configuration's user properties;
 * a container that shares that map between handshakes (Tyrus did, in some releases) would give a
 * connection someone else's identity. Many handshakes with different tokens start at the same
 * moment (a barrier releases each round together), and every welcome must name its own token's
 * owner (the welcome is built from the caller {@code @OnOpen} received).
 */
@RunAsClient
class HandshakeIdentityIT extends ClientTestBase {

    private static final int PEOPLE = 8;
    private static final int ROUNDS = 40;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void everyConcurrentHandshakeGetsItsOwnTokensOwner() throws Exception {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(Person.create(api, "Shake" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier together = new CyclicBarrier(PEOPLE);
                List<Future<String>> mismatches = new ArrayList<>();
                for (Person person : people) {
                    mismatches.add(pool.submit(() -> {
                        together.await();
                        try (WsClient client = WsClient.connect(api.base(), person.token())) {
                            JsonObject user = client.next("welcome", WAIT).getJsonObject("user");
                            if (user.getJsonNumber("id").longValue() != person.id()
                                    || !user.getString("username").equals(person.username())) {
                                return person.username() + " was welcomed as " + user;
                            }
                            return null;
                        }
                    }));
                }
                for (Future<String> mismatch : mismatches) {
                    assertThat(mismatch.get()).as("round " + round).isNull();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.Sessions;
import chat.plume.identity.entity.Role;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opening a connection: the client reads its welcome only once the connection is registered, so
 * a push made after the client has read it always finds the connection (a test that acted on the
 * welcome used to race the registration and miss the push, on Payara most often).
 */
class GatewayTest {

    private final ConnectionTest.FakeSession fake = new ConnectionTest.FakeSession();
    private final List<Integer> writtenWhenRegistered = new ArrayList<>();

    @Test
    void theWelcomeIsWrittenOnlyOnceTheConnectionIsRegistered() {
        fake.completeAtOnce = true;
        Gateway gateway = new Gateway();
        gateway.registry = new ConnectionRegistry() {
            @Override
            public boolean add(Connection connection) {
                writtenWhenRegistered.add(fake.written.size());
                return super.add(connection);
            }
        };
        // Nothing is pushed to anyone else here: every dispatch is a no-op.
        gateway.dispatcher = (Dispatcher) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Dispatcher.class}, (proxy, method, args) -> null);
        gateway.lifecycle = new ConnectionLifecycle() {
            @Override
            public void opened(Connection connection, boolean cameOnline) {}
        };
        gateway.sessions = new Sessions() {
            @Override
            public boolean isLive(long sessionId) {
                return true;
            }
        };
        gateway.settings = new GatewaySettings(65536, Duration.ofSeconds(25), Duration.ofSeconds(60), 100, 100, 100);
        Connection connection = new Connection(
                fake.session(),
                new Caller(1, "alice", Role.USER, 1, Instant.MAX),
                new FrameCodec(),
                Runnable::run,
                100);

        gateway.open(connection);

        assertThat(writtenWhenRegistered).containsExactly(0);
        assertThat(fake.written).singleElement().asString().contains("\"type\":\"welcome\"");
    }
}

package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Connection events wait in lanes while the database is slow; what waits must be the event, never
 * the connection. A backlog of 2,000 closes behind PostgreSQL kept every closed socket's session
 * and endpoint alive until it drained (HandshakeLeakIT failed on the PostgreSQL leg).
 */
class ConnectionLifecycleTest {

    /** Tasks handed to the executor, never run: the lanes' backlog stays as it is. */
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    private final ConnectionLifecycle lifecycle = new ConnectionLifecycle();

    ConnectionLifecycleTest() {
        lifecycle.executor = (ManagedExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        held.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        lifecycle.start();
    }

    @Test
    void waitingEventsDoNotKeepTheirConnectionAlive() {
        WeakReference<Connection> closedConnection = openAndClose();

        assertThat(held).as("the events wait").isNotEmpty();
        for (int i = 0; i < 50 && closedConnection.get() != null; i++) {
            System.gc();
        }
        assertThat(closedConnection.get())
                .as("the connection, once nothing but the backlog knows it")
                .isNull();
    }

    @Test
    void nothingIsQueuedOnceStopped() {
        lifecycle.stop();

        openAndClose();

        assertThat(held).isEmpty();
    }

    private WeakReference<Connection> openAndClose() {
        Connection connection = new Connection(
                new ConnectionTest.FakeSession().session(),
                new Caller(7, "churn", Role.USER, 1, Instant.MAX),
                new FrameCodec(),
                Runnable::run,
                100);
        lifecycle.opened(connection, true);
        lifecycle.closed(connection, true);
        return new WeakReference<>(connection);
    }
}

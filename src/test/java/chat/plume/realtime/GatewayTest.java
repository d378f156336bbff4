package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.Sessions;
import chat.plume.identity.entity.Role;
import chat.plume.testing.Await;
import jakarta.websocket.CloseReason;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing connections: the client reads its welcome only once the connection is
 * registered, and the count of a person's devices is announced without ever holding a lock of
 * Plume's while the container holds one of its own.
 */
class GatewayTest {

    private static final Caller ALICE = new Caller(1, "alice", Role.USER, 1, Instant.MAX);
    /** Another person: were the deadlock test to fail, its stuck lock must not stop the others. */
    private static final Caller BOB = new Caller(2, "bob", Role.USER, 2, Instant.MAX);

    /** Daemon threads: a test that deadlocks fails (its waits time out) instead of hanging the run. */
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "gateway-test");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Thread> closedOn = new CopyOnWriteArrayList<>();
    private final Gateway gateway = gateway(new ConnectionRegistry());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theWelcomeIsWrittenOnlyOnceTheConnectionIsRegistered() {
        ConnectionTest.FakeSession fake = new ConnectionTest.FakeSession();
        fake.completeAtOnce = true;
        List<Integer> writtenWhenRegistered = new ArrayList<>();
        Gateway gateway = gateway(new ConnectionRegistry() {
            @Override
            public boolean add(Connection connection) {
                writtenWhenRegistered.add(fake.written.size());
                return super.add(connection);
            }
        });

        gateway.open(new Connection(fake.session(), ALICE, new FrameCodec(), Runnable::run, 100));

        assertThat(writtenWhenRegistered).containsExactly(0);
        assertThat(fake.written).first().asString().contains("\"type\":\"welcome\"");
    }

    /**
     * A second tab opens and announces the device count to the first, whose writer the container
     * holds (a write in progress) while it reports, on that same thread, that the first tab's
     * connection ended: Tyrus does so on Payara when a write fails. The announcement used to write
     * while holding the person's device lock, and the report took that lock in place: each waited
     * for the other for ever, and every later handshake of a Payara server in CI queued behind them.
     */
    @Test
    void anEndReportedWhileTheContainerHoldsAWriterWaitsForNothingOfPlumes() throws Exception {
        ConnectionTest.FakeSession first = new ConnectionTest.FakeSession();
        ConnectionTest.FakeSession second = new ConnectionTest.FakeSession();
        first.completeAtOnce = true;
        second.completeAtOnce = true;
        Connection firstTab = connection(first, BOB);
        Connection secondTab = connection(second, BOB);
        gateway.open(firstTab);
        GatewayEndpoint firstEndpoint = endpointOf(firstTab);

        CountDownLatch writerHeld = new CountDownLatch(1);
        // The container's thread: a write to the first tab in progress; the connection ends in it.
        CompletableFuture<Void> ending = CompletableFuture.runAsync(
                () -> {
                    synchronized (first.writer) {
                        writerHeld.countDown();
                        Await.until(
                                Duration.ofSeconds(10),
                                "the second tab's announcement waiting for the first tab's writer",
                                () -> waitingFor(first.writer));
                        firstEndpoint.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "reset"));
                    }
                },
                executor);
        assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> gateway.open(secondTab), executor);

        ending.get(20, TimeUnit.SECONDS);
        opening.get(20, TimeUnit.SECONDS);
        Await.until(
                Duration.ofSeconds(10),
                "the second tab told it is the only device",
                () -> second.written.get(second.written.size() - 1).equals("{\"count\":1,\"type\":\"devices\"}"));
    }

    /**
     * The container's report of an end: the connection takes no more frames at once, and what
     * follows (unregistering, presence, devices) runs on a thread of Plume's.
     */
    @Test
    void anEndReportedByTheContainerIsHandledApart() throws Exception {
        ConnectionTest.FakeSession fake = new ConnectionTest.FakeSession();
        fake.completeAtOnce = true;
        Connection connection = connection(fake, ALICE);
        gateway.open(connection);
        int written = fake.written.size();

        endpointOf(connection).close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye"));
        connection.sendText("after the end");

        Await.until(Duration.ofSeconds(10), "the end handled", () -> !closedOn.isEmpty());
        assertThat(closedOn).singleElement().isNotSameAs(Thread.currentThread());
        assertThat(gateway.registry.connectionsOf(ALICE.accountId())).isEmpty();
        assertThat(fake.written).hasSize(written);
    }

    /** An endpoint the container has opened for {@code connection}. */
    private GatewayEndpoint endpointOf(Connection connection) throws ReflectiveOperationException {
        GatewayEndpoint endpoint = new GatewayEndpoint();
        endpoint.gateway = gateway;
        Field field = GatewayEndpoint.class.getDeclaredField("connection");
        field.setAccessible(true);
        field.set(endpoint, connection);
        return endpoint;
    }

    private Connection connection(ConnectionTest.FakeSession fake, Caller caller) {
        return new Connection(fake.session(), caller, new FrameCodec(), executor, 100);
    }

    /** Whether some thread is blocked entering {@code monitor} (which this thread holds). */
    private static boolean waitingFor(Object monitor) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getState() == Thread.State.BLOCKED && blockedOn(t, monitor));
    }

    private static boolean blockedOn(Thread thread, Object monitor) {
        var info = java.lang.management.ManagementFactory.getThreadMXBean()
                .getThreadInfo(new long[] {thread.getId()}, false, false)[0];
        return info != null
                && info.getLockInfo() != null
                && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(monitor);
    }

    private Gateway gateway(ConnectionRegistry registry) {
        Gateway gateway = new Gateway();
        gateway.registry = registry;
        // Delivers to the registry's connections, as the local dispatcher does.
        gateway.dispatcher = (Dispatcher) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Dispatcher.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toUser")) {
                        registry.connectionsOf((Long) args[0]).forEach(c -> c.send(args[1]));
                    }
                    return null;
                });
        gateway.lifecycle = new ConnectionLifecycle() {
            @Override
            public void opened(Connection connection, boolean cameOnline) {}

            @Override
            public void closed(Connection connection, boolean wentOffline) {
                closedOn.add(Thread.currentThread());
            }
        };
        gateway.sessions = new Sessions() {
            @Override
            public boolean isLive(long sessionId) {
                return true;
            }
        };
        gateway.settings = new GatewaySettings(65536, Duration.ofSeconds(25), Duration.ofSeconds(60), 100, 100, 100);
        return gateway;
    }
}

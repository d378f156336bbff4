package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox of one connection, against a fake session whose writes the test completes by hand. */
class ConnectionTest {

    /** A session that records writes and holds their completion until the test says so. */
    static final class FakeSession {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<SendHandler> pending = new CopyOnWriteArrayList<>();
        final List<CloseReason> closes = new CopyOnWriteArrayList<>();
        boolean completeAtOnce;
        /** Held while writing, as a container holds its lock on a connection's writer. */
        final Object writer = new Object();

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            synchronized (writer) {
                                written.add((String) args[0]);
                                SendHandler handler = (SendHandler) args[1];
                                if (completeAtOnce) {
                                    handler.onResult(new SendResult());
                                } else {
                                    pending.add(handler);
                                }
                            }
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> "fake";
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closes.isEmpty();
                        case "close" -> {
                            closes.add(args == null ? null : (CloseReason) args[0]);
                            yield null;
                        }
                        default -> null;
                    });
        }

        void completeNext(boolean ok) {
            SendHandler handler = pending.remove(0);
            handler.onResult(ok ? new SendResult() : new SendResult(new IOException("broken pipe")));
        }
    }

    private final FakeSession fake = new FakeSession();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Caller caller = new Caller(1, "alice", Role.USER, 1, Instant.MAX);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Connection connection(int outboxLimit) {
        return new Connection(fake.session(), caller, new FrameCodec(), Runnable::run, outboxLimit);
    }

    @Test
    void framesAreWrittenOneAtATimeInOrder() {
        Connection connection = connection(100);
        connection.sendText("1");
        connection.sendText("2");
        connection.sendText("3");
        assertThat(fake.written).containsExactly("1");

        fake.completeNext(true);
        assertThat(fake.written).containsExactly("1", "2");
        fake.completeNext(true);
        fake.completeNext(true);
        assertThat(fake.written).containsExactly("1", "2", "3");
        assertThat(fake.pending).isEmpty();
        assertThat(fake.closes).isEmpty();
    }

    /** Work holding a lock of Plume's only queues; the writing happens once the work is done. */
    @Test
    void framesSentInsideDeferredWritesAreWrittenWhenItReturnsInOrder() {
        fake.completeAtOnce = true;
        Connection connection = connection(100);
        connection.sendText("before");
        DeferredWrites.around(() -> {
            connection.sendText("1");
            DeferredWrites.around(() -> connection.sendText("2"));
            connection.sendText("3");
            assertThat(fake.written).containsExactly("before");
        });
        assertThat(fake.written).containsExactly("before", "1", "2", "3");
        connection.sendText("after");
        assertThat(fake.written).containsExactly("before", "1", "2", "3", "after");
    }

    @Test
    void aHeldConnectionWritesNothingUntilReleasedThenAllInOrder() {
        fake.completeAtOnce = true;
        Connection connection = connection(100);
        connection.hold();
        connection.sendText("welcome");
        connection.sendText("push");
        assertThat(fake.written).isEmpty();
        connection.release();
        assertThat(fake.written).containsExactly("welcome", "push");
        connection.sendText("later");
        assertThat(fake.written).containsExactly("welcome", "push", "later");
    }

    @Test
    void aPeerThatDoesNotKeepUpIsClosedWith1013InsteadOfGrowingMemory() {
        Connection connection = connection(3);
        for (int i = 0; i < 4; i++) {
            connection.sendText("frame " + i);
        }
        assertThat(fake.closes).singleElement().satisfies(reason -> {
            assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
            assertThat(reason.getReasonPhrase()).isEqualTo("slow_consumer");
        });
        connection.sendText("after close");
        assertThat(fake.written).doesNotContain("after close");
    }

    @Test
    void aCloseAfterFlushWaitsForTheFramesThatExplainIt() {
        Connection connection = connection(100);
        connection.sendText("error 1");
        connection.sendText("error 2");
        connection.closeWhenFlushed(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "rate_limited"));
        connection.sendText("too late");
        assertThat(fake.closes).isEmpty();
        fake.completeNext(true);
        assertThat(fake.closes).isEmpty();
        fake.completeNext(true);
        assertThat(fake.written).containsExactly("error 1", "error 2");
        assertThat(fake.closes)
                .singleElement()
                .satisfies(r -> assertThat(r.getReasonPhrase()).isEqualTo("rate_limited"));
    }

    @Test
    void aFailedWriteClosesTheConnection() {
        Connection connection = connection(100);
        connection.sendText("1");
        connection.sendText("2");
        fake.completeNext(false);
        assertThat(fake.closes)
                .singleElement()
                .satisfies(r -> assertThat(r.getCloseCode()).isEqualTo(CloseReason.CloseCodes.UNEXPECTED_CONDITION));
        assertThat(fake.written).containsExactly("1");
    }

    @Test
    void writesThatCompleteAtOnceDrainEverythingWithoutDeepRecursion() throws Exception {
        fake.completeAtOnce = true;
        Connection connection = new Connection(fake.session(), caller, new FrameCodec(), executor, 100_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(Integer.toString(i));
        }
        expected.forEach(connection::sendText);
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fake.written).containsExactlyElementsOf(expected);
    }

    @Test
    void framesAreHandledInOrderOnePerTurnAtTheBackOfTheQueue() {
        List<Runnable> turns = new ArrayList<>();
        Connection connection = new Connection(fake.session(), caller, new FrameCodec(), turns::add, 100);
        List<String> handled = new ArrayList<>();
        connection.receive("a", handled::add);
        connection.receive("b", handled::add);
        assertThat(turns).hasSize(1);
        turns.remove(0).run();
        assertThat(handled).containsExactly("a");
        // "b" waits for a turn of its own, behind whatever else was queued meanwhile.
        assertThat(turns).hasSize(1);
        turns.remove(0).run();
        assertThat(handled).containsExactly("a", "b");
        assertThat(turns).isEmpty();
    }

    @Test
    void anExecutorThatRefusesWorkDoesNotWedgeTheConnection() {
        boolean[] refusing = {true};
        List<Runnable> turns = new ArrayList<>();
        Connection connection = new Connection(
                fake.session(),
                caller,
                new FrameCodec(),
                task -> {
                    if (refusing[0]) {
                        throw new RejectedExecutionException("shutting down");
                    }
                    turns.add(task);
                },
                100);
        List<String> handled = new ArrayList<>();
        connection.receive("dropped", handled::add);
        refusing[0] = false;
        connection.receive("next", handled::add);
        assertThat(turns).hasSize(1);
        turns.remove(0).run();
        assertThat(handled).containsExactly("next");
    }
}

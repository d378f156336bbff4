package chat.plume.realtime;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.error.RateLimitedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link FrameContext} of one connection: made once when it opens, handed to every handler. */
final class ConnectionContext implements FrameContext {

    private static final Logger LOG = Logger.getLogger(ConnectionContext.class.getName());

    private final Connection connection;
    private final FrameFailures failures;
    private final AtomicInteger deferred = new AtomicInteger();
    /** Last time per pacing key; the keys are the handlers' constants, so a handful at most. */
    private final Map<String, Long> paced = new ConcurrentHashMap<>();

    ConnectionContext(Connection connection, FrameFailures failures) {
        this.connection = connection;
        this.failures = failures;
    }

    @Override
    public Caller caller() {
        return connection.caller();
    }

    @Override
    public String connectionId() {
        return connection.id();
    }

    @Override
    public void reply(Object frame) {
        connection.send(frame);
    }

    @Override
    public DeferredAnswer defer(InboundFrame frame) {
        if (deferred.incrementAndGet() > MAX_DEFERRED) {
            deferred.decrementAndGet();
            throw new RateLimitedException(
                    "busy", Duration.ofSeconds(1), "Too many requests waiting; wait for their answers.");
        }
        return new Deferred(frame);
    }

    @Override
    public boolean onceEvery(String what, Duration interval) {
        long now = System.nanoTime();
        long[] allowed = {0};
        paced.compute(what, (key, last) -> {
            if (last == null || now - last >= interval.toNanos()) {
                allowed[0] = 1;
                return now;
            }
            return last;
        });
        return allowed[0] == 1;
    }

    /** Completes once; the slot is freed whichever way it is answered. */
    private final class Deferred implements DeferredAnswer {
        private final InboundFrame frame;
        private final AtomicBoolean done = new AtomicBoolean();

        Deferred(InboundFrame frame) {
            this.frame = frame;
        }

        @Override
        public void answer(Object reply) {
            if (done.compareAndSet(false, true)) {
                deferred.decrementAndGet();
                send(() -> connection.send(reply));
            }
        }

        @Override
        public void fail(Throwable failure) {
            if (done.compareAndSet(false, true)) {
                deferred.decrementAndGet();
                send(() -> failures.answer(ConnectionContext.this, frame.type(), frame.id(), failure));
            }
        }

        private void send(Runnable answer) {
            try {
                answer.run();
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not answer " + frame.type() + " " + frame.id() + " on connection " + connection.id(),
                        e);
            }
        }
    }
}

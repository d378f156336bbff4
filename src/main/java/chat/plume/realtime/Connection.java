package chat.plume.realtime;

import chat.plume.identity.boundary.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open WebSocket of one signed-in user, with its outbox.
 *
 * <p>Sending never blocks the caller: frames are queued and written one at a time through the
 * asynchronous remote (JSR-356 allows only one outstanding asynchronous write per session). A
 * peer that does not keep up fills its outbox; past {@code outboxLimit} frames the connection is
 * closed with 1013 (try again later) rather than letting memory grow, and the client resumes on
 * reconnect. Nothing one connection does can delay another.
 *
 * <p>Frames from the client are handled one at a time and in order, on the managed executor,
 * one frame per turn: after each frame the connection queues again behind everyone else. The
 * container's own ordering keeps a worker thread on one connection for as long as that
 * connection has frames waiting; in the direct benchmark 32 busy connections (one per worker
 * thread) were served for 20 seconds while 68 others got no answer at all (docs/benchmarks.md).
 */
public class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    /** A write that completes synchronously calls back into {@link #drain}; past this depth, hop threads. */
    private static final int MAX_SYNCHRONOUS_DEPTH = 16;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Frames of one connection that may wait for a handler. Flood control limits how fast they
     * come; this limits how many wait while the server is backlogged.
     */
    public static final int INBOUND_LIMIT = 100;

    private final Session session;
    private final Caller caller;
    private final FrameCodec codec;
    private final Executor executor;
    private final int outboxLimit;
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final SerialExecutor inbound;
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A close that waits for the frames already queued (the error frames that explain it). */
    private volatile CloseReason closeWhenFlushed;
    /** While held, frames queue but are not written (see {@link #hold}). */
    private volatile boolean held;

    private volatile long lastHeardNanos = System.nanoTime();
    private final TokenBucket frames;
    private volatile ConnectionListener listener = ConnectionListener.NONE;

    public Connection(Session session, Caller caller, FrameCodec codec, Executor executor, int outboxLimit) {
        this(session, caller, codec, executor, outboxLimit, new TokenBucket(1_000_000, 1_000_000));
    }

    public Connection(
            Session session, Caller caller, FrameCodec codec, Executor executor, int outboxLimit, TokenBucket frames) {
        this.session = session;
        this.caller = caller;
        this.codec = codec;
        this.executor = executor;
        this.outboxLimit = outboxLimit;
        this.frames = frames;
        this.inbound = new SerialExecutor(executor, INBOUND_LIMIT);
    }

    /** Who hears of this connection's frames and close (the node's figures). */
    public void listenedBy(ConnectionListener listener) {
        this.listener = listener;
    }

    /** Whether the client may send one more frame now (a flood is refused, not queued). */
    public boolean admitFrame() {
        return frames.take();
    }

    /** Frames refused since the last admitted one: a client that keeps flooding is closed. */
    public int framesRefusedInARow() {
        return frames.refusedInARow();
    }

    public String id() {
        return session.getId();
    }

    public Caller caller() {
        return caller;
    }

    public long accountId() {
        return caller.accountId();
    }

    /**
     * Queues an admitted frame from the client for the handler, which sees this connection's
     * frames in order, one per turn. Returns false, queueing nothing, when {@link #INBOUND_LIMIT}
     * frames of this connection are already waiting (the server is backlogged): the caller
     * answers {@code busy}.
     */
    public boolean receive(String text, Consumer<String> handler) {
        return inbound.offer(() -> {
            if (!closed.get()) {
                handler.accept(text);
            }
        });
    }

    /** Marks the connection as unregistered; true only the first time (its end is announced once). */
    public boolean retire() {
        return retired.compareAndSet(false, true);
    }

    /** Queues a frame object; it is encoded here, once. */
    public void send(Object frame) {
        listener.sent(frame);
        sendText(codec.encode(frame));
    }

    /** Queues an already encoded frame (the dispatcher encodes once for all recipients). */
    public void sendText(String text) {
        if (!enqueue(text)) {
            return;
        }
        if (!DeferredWrites.defer(this)) {
            drain();
        }
    }

    /** Writes what is queued (for {@link DeferredWrites}). */
    void flush() {
        drain();
    }

    private boolean enqueue(String text) {
        if (closed.get() || closeWhenFlushed != null) {
            return false;
        }
        if (queued.incrementAndGet() > outboxLimit) {
            LOG.fine(() -> "Connection " + id() + " is too slow; closing it");
            close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "slow_consumer"));
            return false;
        }
        outbox.add(text);
        return true;
    }

    /**
     * The peer is gone (the container says so): nothing more is queued or written, and
     * {@code whatFollows} runs on the executor, not on the calling thread, which may hold the
     * container's lock on this connection's writer. Run here if the executor refuses it (it is
     * stopping).
     */
    public void endedThen(Runnable whatFollows) {
        stopWriting();
        try {
            executor.execute(whatFollows);
        } catch (RejectedExecutionException stopping) {
            whatFollows.run();
        }
    }

    /**
     * Frames queue from now on but are not written until {@link #release}: the gateway holds a new
     * connection while it queues the welcome and registers it, so that the client reads the
     * welcome first and, once it has, every push made after that reaches it.
     */
    public void hold() {
        held = true;
    }

    /** Writes what queued while held, in order, and everything after it as it comes. */
    public void release() {
        held = false;
        drain();
    }

    /** Closes once every frame queued so far has been written (they tell the client why). */
    public void closeWhenFlushed(CloseReason reason) {
        closeWhenFlushed = reason;
        closeIfFlushed();
    }

    private void closeIfFlushed() {
        CloseReason reason = closeWhenFlushed;
        if (reason != null && outbox.isEmpty() && !writing.get()) {
            close(reason);
        }
    }

    private void drain() {
        if (closeWhenFlushed != null) {
            closeIfFlushed();
        }
        while (!held && !closed.get() && !outbox.isEmpty() && writing.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                writing.set(false);
                continue;
            }
            try {
                session.getAsyncRemote().sendText(next, result -> {
                    queued.decrementAndGet();
                    writing.set(false);
                    if (!result.isOK()) {
                        LOG.log(Level.FINE, "Write to connection " + id() + " failed", result.getException());
                        close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write_failed"));
                        return;
                    }
                    continueDraining();
                });
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Write to connection " + id() + " refused", e);
                writing.set(false);
                close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "write_failed"));
            }
            return;
        }
    }

    private void continueDraining() {
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_SYNCHRONOUS_DEPTH) {
            executor.execute(this::drain);
            return;
        }
        depth[0]++;
        try {
            drain();
        } finally {
            depth[0]--;
        }
    }

    /** Something arrived from the peer (a frame or a pong): it is alive. */
    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    public long silentForNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    public void ping() {
        if (closed.get()) {
            return;
        }
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ping to connection " + id() + " failed", e);
        }
    }

    /**
     * Closes once; later calls do nothing. The container runs {@code @OnClose} (and with it
     * presence observers that may query the database) on the thread that closes, which here may
     * be an I/O thread finishing a write, so the close is handed to the managed executor.
     */
    public void close(CloseReason reason) {
        if (!stopWriting()) {
            return;
        }
        listener.closed(reason.getReasonPhrase());
        executor.execute(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Closing connection " + id() + " failed", e);
            }
        });
    }

    /** Ends queueing and writing; true only the first time. */
    private boolean stopWriting() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        outbox.clear();
        inbound.clear();
        return true;
    }
}

package chat.plume.realtime;

import chat.plume.identity.boundary.Caller;
import java.time.Duration;

/**
 * What a {@link FrameHandler} may do with the connection its frame came from: know who sent it,
 * answer, answer later, and pace itself. Narrow on purpose: a handler never sees the socket, the
 * outbox or the registry, and features keep no per-connection state of their own (what little a
 * handler needs between frames, the pacing below, lives here).
 */
public interface FrameContext {

    /** Who sent the frame: the connection's authenticated caller, never a field of the frame. */
    Caller caller();

    /** The connection, unique on this node (for logs and per-device features). */
    String connectionId();

    /** Sends a frame to this connection (an answer, usually naming the request). */
    void reply(Object frame);

    /**
     * For a request answered after the handler returns (a send, answered when committed): the
     * returned answer must be completed exactly once. At most {@link #MAX_DEFERRED} requests of
     * a connection may wait for their answer; past that this throws {@code busy}.
     */
    DeferredAnswer defer(InboundFrame frame);

    /**
     * Whether something ({@code what}: a constant of the handler's, e.g. {@code "typing"}) may
     * happen now on this connection: true at most once per {@code interval}.
     */
    boolean onceEvery(String what, Duration interval);

    /** Requests of one connection that may wait for their answer at once. */
    int MAX_DEFERRED = 100;

    /** The answer to one deferred request. */
    interface DeferredAnswer {

        /** Answers with this frame. */
        void answer(Object frame);

        /** Answers with the error frame for this failure (a refusal keeps its code). */
        void fail(Throwable failure);
    }

    default long accountId() {
        return caller().accountId();
    }
}

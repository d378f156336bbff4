package chat.plume.realtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Frames sent while Plume holds a lock of its own are queued, and written once that work is done.
 * Writing calls into the container, which takes its own lock on the connection's writer and may
 * call back into Plume while holding it (Tyrus on Payara ends a connection from inside a write
 * that failed): so no thread may wait for the container while holding one of Plume's locks.
 * One list per thread, reused: a conversation's every push passes through here.
 */
final class DeferredWrites {

    private static final ThreadLocal<DeferredWrites> CURRENT = ThreadLocal.withInitial(DeferredWrites::new);

    /** Connections with frames queued by the work in progress (a connection may appear more than once). */
    private final List<Connection> pending = new ArrayList<>();

    private boolean active;

    private DeferredWrites() {}

    /** Runs {@code work}; frames it sends are written, in the order queued, when it returns. */
    static void around(Runnable work) {
        DeferredWrites writes = CURRENT.get();
        if (writes.active) {
            work.run();
            return;
        }
        writes.active = true;
        try {
            work.run();
        } finally {
            writes.active = false;
            // Indexed: a write below may defer nothing now, but must not see the list change.
            for (int i = 0; i < writes.pending.size(); i++) {
                writes.pending.get(i).flush();
            }
            writes.pending.clear();
        }
    }

    /** True if {@code connection}'s new frame is to be written later, by {@link #around}. */
    static boolean defer(Connection connection) {
        DeferredWrites writes = CURRENT.get();
        if (!writes.active) {
            return false;
        }
        writes.pending.add(connection);
        return true;
    }
}

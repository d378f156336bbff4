package chat.plume.realtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in the order offered, on a shared executor, holding at most
 * {@code capacity} waiting tasks. One task per turn: after each, the rest queue again behind
 * everyone else's, so a busy queue never keeps a pool thread to itself (a connection's frames,
 * one person's lifecycle events). No thread of its own and nothing held while idle.
 */
final class SerialExecutor {

    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /** Queues a task; false (and nothing queued) when {@code capacity} tasks are already waiting. */
    boolean offer(Runnable task) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        tasks.add(task);
        schedule();
        return true;
    }

    /** Drops every waiting task (the running one finishes). */
    void clear() {
        while (tasks.poll() != null) {
            waiting.decrementAndGet();
        }
    }

    int waiting() {
        return waiting.get();
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::runOne);
            } catch (RejectedExecutionException refused) {
                // The executor is shutting down: nothing will run these, so drop them rather
                // than leave the queue wedged with its flag set.
                LOG.log(Level.FINE, "Tasks dropped: the executor refused them", refused);
                clear();
                scheduled.set(false);
            }
        }
    }

    private void runOne() {
        try {
            Runnable next = tasks.poll();
            if (next != null) {
                waiting.decrementAndGet();
                next.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A queued task failed", e);
        } finally {
            scheduled.set(false);
            // A task that arrived after the poll, or the rest: back of the line, after everyone else.
            schedule();
        }
    }
}

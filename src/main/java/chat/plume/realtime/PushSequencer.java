package chat.plume.realtime;

import chat.plume.platform.events.Push;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers each numbered stream's pushes (a conversation's messages) in their order, whichever
 * thread and transaction made them. A conversation's sends all commit on one writer lane, in
 * order; but a group's system notice is written by the group change's own transaction, and its
 * push could overtake (or be overtaken by) a batch's. So a push that arrives ahead of one still
 * missing waits for it, at most {@code hold} (then whatever waits goes out in order: a missing
 * number may never come, e.g. written by hand into the database); a push behind the stream's
 * position goes out at once (late or repeated: clients merge by number). Streams are forgotten
 * least recently used first, past {@code capacity}, their waiting pushes delivered.
 */
final class PushSequencer {

    /** Pushes that may wait in one stream; past this the stream is flushed rather than grow. */
    static final int MAX_WAITING = 1_000;

    private final Consumer<Push> sink;
    private final ScheduledExecutorService scheduler;
    private final Duration hold;
    private final Map<Long, Stream> streams;

    PushSequencer(Consumer<Push> sink, ScheduledExecutorService scheduler, Duration hold, int capacity) {
        this.sink = sink;
        this.scheduler = scheduler;
        this.hold = hold;
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Stream> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                eldest.getValue().flush();
                return true;
            }
        };
    }

    /**
     * Pushes are queued on their connections under the stream's lock, which keeps them in order,
     * and written once it is released ({@link DeferredWrites}).
     */
    void offer(Push push) {
        if (push.order() == null) {
            sink.accept(push);
            return;
        }
        DeferredWrites.around(() -> {
            Stream stream;
            synchronized (streams) {
                stream = streams.computeIfAbsent(push.order().stream(), key -> new Stream());
            }
            stream.offer(push);
        });
    }

    /** One stream: the next number due, and what arrived ahead of it. */
    private final class Stream {
        private long next = -1;
        private final TreeMap<Long, Push> waiting = new TreeMap<>();
        private ScheduledFuture<?> timer;

        synchronized void offer(Push push) {
            long seq = push.order().seq();
            if (next < 0 || seq == next) {
                sink.accept(push);
                next = seq + 1;
                releaseConsecutive();
            } else if (seq < next) {
                sink.accept(push);
            } else {
                waiting.put(seq, push);
                if (waiting.size() > MAX_WAITING) {
                    flush();
                } else if (timer == null) {
                    timer = scheduler.schedule(
                            () -> DeferredWrites.around(this::flush), hold.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }

        /** Delivers everything waiting, in order, and carries on after the last of it. */
        synchronized void flush() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            while (!waiting.isEmpty()) {
                Map.Entry<Long, Push> first = waiting.pollFirstEntry();
                sink.accept(first.getValue());
                next = first.getKey() + 1;
                releaseConsecutive();
            }
        }

        private void releaseConsecutive() {
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                sink.accept(waiting.pollFirstEntry().getValue());
                next++;
            }
            if (waiting.isEmpty() && timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}

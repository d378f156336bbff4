package chat.plume.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the senders: either open loop, at an offered rate that follows the clock whatever the
 * server answers (what users do; the way to see latency under a given load), or closed loop, each
 * sender keeping a window of sends in flight and sending again on every answer (the way to find
 * saturation throughput). Each send carries its send time in its body for the receivers.
 */
final class Traffic {

    /** Longer than the longest schedule of resends (about 23 s of pauses) and their answers. */
    private static final Duration DRAIN = Duration.ofSeconds(45);
    /** A send refused "not now" is sent again, same client message id, this often at most. */
    private static final int MAX_RESENDS = 5;
    /** Refusals that say "not now": nothing was done, and the same send may succeed later (as the page treats them). */
    private static final Set<String> NOT_NOW = Set.of("busy", "rate_limited", "unavailable");
    /**
     * The pause before the first resend; each later one doubles it, and each is spread over half
     * to one and a half times that (0.5, 1, 2, 4, 8 s on average). Resends that come back
     * together after 50 ms are a retry storm that feeds the overload they answer
     * (docs/benchmarks.md, "The open loop, looked at again"); spread out they model clients. The
     * page resends three times from 1 s: the tool is the harsher client.
     */
    private static final long FIRST_RESEND_PAUSE_MILLIS = 500;

    /** A send not answered yet: whose, which message (its id and body stay the same), how often refused. */
    private record Outstanding(LoadConnection sender, String clientMessageId, String body, int attempt) {}

    private final Map<String, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final LongAdder resent = new LongAdder();

    private final Ledger ledger;
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
    private final AtomicLong counter = new AtomicLong();
    private final Map<LoadConnection, Long> conversationOf = new ConcurrentHashMap<>();
    private final Map<LoadConnection, AtomicLong> sendsOf = new ConcurrentHashMap<>();
    private final List<LoadConnection> senders = new ArrayList<>();
    private final Map<LoadConnection, AtomicLong> nextSendOf = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean closedLoop;
    private volatile long minGapNanos;

    Traffic(Ledger ledger) {
        this.ledger = ledger;
    }

    synchronized void addSender(LoadConnection connection, long conversation) {
        conversationOf.put(connection, conversation);
        sendsOf.put(connection, new AtomicLong());
        nextSendOf.put(connection, new AtomicLong());
        senders.add(connection);
    }

    /**
     * Called for every answer to a send (ack or error): in closed loop, the sender sends again, at
     * once or, with a per-sender cap, when its next slot comes.
     */
    void answered(LoadConnection connection) {
        if (!closedLoop || System.nanoTime() >= deadline) {
            return;
        }
        if (minGapNanos == 0) {
            send(connection);
            return;
        }
        long now = System.nanoTime();
        long slot = nextSendOf.get(connection).getAndAccumulate(now, (next, at) -> Math.max(next, at) + minGapNanos);
        long wait = Math.max(slot, now) - now;
        if (wait == 0) {
            send(connection);
        } else {
            later.schedule(() -> send(connection), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends at {@code ratePerSecond} in total, spread over the senders in turn, for {@code length}. */
    void open(int ratePerSecond, Duration length) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long started = begin(length);
        AtomicLong issued = new AtomicLong();
        clock.scheduleAtFixedRate(
                () -> {
                    long now = Math.min(System.nanoTime(), deadline);
                    long due = (now - started) * ratePerSecond / 1_000_000_000L;
                    while (issued.get() < due) {
                        send(senders.get((int) (issued.getAndIncrement() % senders.size())));
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        runUntilDeadline();
        clock.shutdown();
        awaitQuietly(clock);
        drain();
        later.shutdownNow();
    }

    /**
     * Keeps {@code window} sends in flight on every sender for {@code length}; with
     * {@code perSenderCap} above 0, no sender sends more than that many a second (a server's
     * per-connection frame limit refuses the rest: 20/s by default).
     */
    void closed(int window, int perSenderCap, Duration length) {
        closedLoop = true;
        minGapNanos = perSenderCap > 0 ? 1_000_000_000L / perSenderCap : 0;
        begin(length);
        for (LoadConnection sender : senders) {
            for (int i = 0; i < window; i++) {
                send(sender);
            }
        }
        runUntilDeadline();
        drain();
        later.shutdownNow();
    }

    /**
     * Waits for the end of the run. {@code parkNanos} may return early — spuriously, or at once
     * when the thread holds a permit left by an earlier {@code unpark} (a future completed after
     * its waiter had gone, in the same test JVM): a run that ended there counted nothing, so the
     * wait goes on until the deadline has really passed.
     */
    private void runUntilDeadline() {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted before the end of the run");
            }
            LockSupport.parkNanos(left);
        }
    }

    private long begin(Duration length) {
        ledger.start();
        long now = System.nanoTime();
        deadline = now + length.toNanos();
        return now;
    }

    private void send(LoadConnection sender) {
        String id = "L" + run + "-" + counter.incrementAndGet();
        ledger.countSend();
        sendsOf.get(sender).incrementAndGet();
        transmit(new Outstanding(sender, id, "t=" + System.nanoTime(), 0), id);
    }

    private void transmit(Outstanding send, String requestId) {
        outstanding.put(requestId, send);
        send.sender()
                .send("{\"type\":\"send\",\"id\":\"" + requestId + "\",\"conversation\":"
                        + conversationOf.get(send.sender()) + ",\"clientMessageId\":\"" + send.clientMessageId()
                        + "\",\"body\":\"" + send.body() + "\"}");
    }

    /** An {@code ack} naming {@code requestId}: whether it answers one of this run's sends. */
    boolean acked(String requestId) {
        return requestId != null && outstanding.remove(requestId) != null;
    }

    /**
     * An {@code error} naming {@code requestId}: whether it answers one of this run's sends. A
     * refusal that asks to come back later ({@link #NOT_NOW}) is sent again with
     * the same client message id after a growing pause, as a client must (so a resend that the
     * server stored twice would show as a duplicate); any other, or the sixth, counts as an error.
     */
    boolean refused(String requestId, String code) {
        Outstanding send = requestId == null ? null : outstanding.remove(requestId);
        if (send == null) {
            return false;
        }
        if (NOT_NOW.contains(code) && send.attempt() < MAX_RESENDS) {
            Outstanding again = new Outstanding(send.sender(), send.clientMessageId(), send.body(), send.attempt() + 1);
            resent.increment();
            try {
                later.schedule(
                        () -> transmit(again, again.clientMessageId() + "r" + again.attempt()),
                        resendPauseMillis(send.attempt()),
                        TimeUnit.MILLISECONDS);
                return true;
            } catch (RejectedExecutionException over) {
                // The run is over: this one stays refused.
            }
        }
        ledger.error();
        answered(send.sender());
        return true;
    }

    /** The pause before resend number {@code attempt + 1}: doubling, spread by a random factor of 0.5–1.5. */
    static long resendPauseMillis(int attempt) {
        long pause = FIRST_RESEND_PAUSE_MILLIS << attempt;
        return pause / 2 + ThreadLocalRandom.current().nextLong(pause + 1);
    }

    /** A send frame that never left: it counts as an error, never as silently skipped. */
    void sendFailed(String frame) {
        String requestId = FrameScan.string(frame, "id");
        if ("send".equals(FrameScan.type(frame)) && requestId != null && outstanding.remove(requestId) != null) {
            ledger.error();
        }
    }

    /** Sends made again after a "not now" refusal. */
    long resent() {
        return resent.sum();
    }

    /**
     * Closed loop: how fairly the server served the senders, as the fewest and the most sends of
     * one sender, and how many senders never had an answer before the end of the run (they sent
     * only their first window).
     */
    String fairness(int window) {
        long[] counts =
                sendsOf.values().stream().mapToLong(AtomicLong::get).sorted().toArray();
        if (counts.length == 0) {
            return "no senders";
        }
        List<Integer> unanswered = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            if (sendsOf.get(senders.get(i)).get() <= window) {
                unanswered.add(i);
            }
        }
        return String.format(
                "sends per sender: fewest %d, most %d; unanswered during the run: %s",
                counts[0], counts[counts.length - 1], unanswered);
    }

    /** Waits (a bounded time) for what is in flight to be answered and delivered. */
    private void drain() {
        long until = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < until && !ledger.settled()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static void awaitQuietly(ScheduledExecutorService clock) {
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

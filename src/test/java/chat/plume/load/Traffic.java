package chat.plume.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the senders: either open loop, at an offered rate that follows the clock whatever the
 * server answers (what users do; the way to see latency under a given load), or closed loop, each
 * sender keeping a window of sends in flight and sending again on every answer (the way to find
 * saturation throughput). Each send carries its send time in its body for the receivers.
 */
final class Traffic {

    private static final Duration DRAIN = Duration.ofSeconds(30);

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
        clock.scheduleAtFixedRate(() -> {
            long now = Math.min(System.nanoTime(), deadline);
            long due = (now - started) * ratePerSecond / 1_000_000_000L;
            while (issued.get() < due) {
                send(senders.get((int) (issued.getAndIncrement() % senders.size())));
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
        clock.shutdown();
        awaitQuietly(clock);
        drain();
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
        LockSupport.parkNanos(Math.max(0, deadline - System.nanoTime()));
        drain();
        later.shutdownNow();
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
        sender.send("{\"type\":\"send\",\"id\":\"" + id + "\",\"conversation\":" + conversationOf.get(sender)
                + ",\"clientMessageId\":\"" + id + "\",\"body\":\"t=" + System.nanoTime() + "\"}");
    }

    /**
     * Closed loop: how fairly the server served the senders, as the fewest and the most sends of
     * one sender, and how many senders never had an answer before the end of the run (they sent
     * only their first window).
     */
    String fairness(int window) {
        long[] counts = sendsOf.values().stream().mapToLong(AtomicLong::get).sorted().toArray();
        if (counts.length == 0) {
            return "no senders";
        }
        List<Integer> unanswered = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            if (sendsOf.get(senders.get(i)).get() <= window) {
                unanswered.add(i);
            }
        }
        return String.format("sends per sender: fewest %d, most %d; unanswered during the run: %s", counts[0],
                counts[counts.length - 1], unanswered);
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

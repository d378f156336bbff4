package chat.plume.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The account of every message in a run. A message is identified by its conversation and the
 * sequence number the server acknowledged it with; each recipient keeps an {@link Inbox} per
 * conversation. At the end: every acknowledged message must be in every other member's inbox
 * (else it is lost), no inbox may get a message pushed twice, no client message id may have
 * been stored under two sequence numbers (both are duplicates), and no connection may get a
 * conversation's pushes out of sequence order (reordered).
 */
final class Ledger {

    /** What one recipient received in one conversation: pushed live, or fetched when resuming. */
    static final class Inbox {
        private final BitSet live = new BitSet();
        private final BitSet resumed = new BitSet();
        private final long owner;
        private final int floor;
        /** The highest seq pushed on the recipient's current connection. */
        private int lastLive;

        private Inbox(long owner, long floor) {
            this.owner = owner;
            this.floor = (int) floor;
        }

        /**
         * Where a resume starts: the last sequence number below which nothing is missing. Not the
         * highest seen: pushes of two messages may overtake each other, and the earlier one may
         * have been on the connection that dropped.
         */
        synchronized long contiguous() {
            BitSet seen = (BitSet) live.clone();
            seen.or(resumed);
            return seen.nextClearBit(floor + 1) - 1L;
        }

        private synchronized boolean pushed(int seq) {
            boolean again = live.get(seq);
            live.set(seq);
            return !again;
        }

        /** Whether a push came after a higher one on the same connection; the order is guaranteed. */
        private synchronized boolean outOfOrder(int seq) {
            boolean behind = seq < lastLive;
            lastLive = Math.max(lastLive, seq);
            return behind;
        }

        /** The recipient reconnected: order is per connection. */
        synchronized void reconnected() {
            lastLive = 0;
        }

        private synchronized void fetched(int seq) {
            resumed.set(seq);
        }

        private synchronized int onlyFetched() {
            BitSet only = (BitSet) resumed.clone();
            only.andNot(live);
            return only.cardinality();
        }

        /** How many of the due messages never arrived; {@code due} is this call's own copy. */
        private synchronized int missing(BitSet due) {
            BitSet absent = due;
            absent.andNot(live);
            absent.andNot(resumed);
            return absent.cardinality();
        }
    }

    private volatile long started = System.nanoTime();
    private final LongAdder sent = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final AtomicLong lastAck = new AtomicLong();
    private final AtomicLong lastDelivery = new AtomicLong();
    private final Map<String, Long> seqByClientId = new ConcurrentHashMap<>();
    private final Map<Long, BitSet> acked = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, BitSet>> ackedBySender = new ConcurrentHashMap<>();
    private final Map<Long, List<Inbox>> inboxes = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();

    /**
     * A new recipient of a conversation's messages, other than its own (those up to the
     * conversation's lastSeq were before the run).
     */
    Inbox inbox(Setup.Conversation conversation, long owner) {
        Inbox inbox = new Inbox(owner, conversation.lastSeq());
        List<Inbox> list = inboxes.computeIfAbsent(conversation.id(), c -> new ArrayList<>());
        synchronized (list) {
            list.add(inbox);
        }
        return inbox;
    }

    /** The traffic starts now: rates are measured from here to the last ack and the last delivery. */
    void start() {
        started = System.nanoTime();
        lastAck.set(started);
        lastDelivery.set(started);
    }

    void countSend() {
        sent.increment();
    }

    void error() {
        errors.increment();
    }

    void acked(String clientMessageId, long conversation, long seq, long sender) {
        Long earlier = seqByClientId.putIfAbsent(clientMessageId, seq);
        if (earlier != null && earlier != seq) {
            duplicated.increment();
        }
        for (BitSet seqs : List.of(
                acked.computeIfAbsent(conversation, c -> new BitSet()),
                ackedBySender
                        .computeIfAbsent(conversation, c -> new ConcurrentHashMap<>())
                        .computeIfAbsent(sender, s -> new BitSet()))) {
            synchronized (seqs) {
                seqs.set((int) seq);
            }
        }
        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** A {@code message} frame pushed to a recipient; the latency is measured from the send. */
    void delivered(Inbox inbox, long seq, long latencyMicros) {
        deliveries.increment();
        if (!inbox.pushed((int) seq)) {
            duplicated.increment();
        }
        if (inbox.outOfOrder((int) seq)) {
            reordered.increment();
        }
        latencies.add(latencyMicros);
        lastDelivery.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** A message a recipient fetched with {@code history} after reconnecting. */
    void fetched(Inbox inbox, long seq) {
        inbox.fetched((int) seq);
    }

    long sent() {
        return sent.sum();
    }

    long acknowledged() {
        return seqByClientId.size();
    }

    long errors() {
        return errors.sum();
    }

    /** Deliveries every recipient should have had: each acknowledged message of the others, once. */
    long expected() {
        long total = 0;
        for (Map.Entry<Long, List<Inbox>> entry : inboxes.entrySet()) {
            synchronized (entry.getValue()) {
                for (Inbox inbox : entry.getValue()) {
                    total += due(entry.getKey(), inbox).cardinality();
                }
            }
        }
        return total;
    }

    long lost() {
        long total = 0;
        for (Map.Entry<Long, List<Inbox>> entry : inboxes.entrySet()) {
            synchronized (entry.getValue()) {
                for (Inbox inbox : entry.getValue()) {
                    total += inbox.missing(due(entry.getKey(), inbox));
                }
            }
        }
        return total;
    }

    /** Messages that reached a recipient only through a resume (they were due while it was away). */
    long recovered() {
        long total = 0;
        for (List<Inbox> list : inboxes.values()) {
            synchronized (list) {
                for (Inbox inbox : list) {
                    total += inbox.onlyFetched();
                }
            }
        }
        return total;
    }

    /** The acknowledged messages of a conversation an inbox must get: all but its owner's own. */
    private BitSet due(long conversation, Inbox inbox) {
        BitSet due = copy(acked.get(conversation));
        due.andNot(copy(ackedBySender.getOrDefault(conversation, Map.of()).get(inbox.owner)));
        return due;
    }

    private static BitSet copy(BitSet seqs) {
        if (seqs == null) {
            return new BitSet();
        }
        synchronized (seqs) {
            return (BitSet) seqs.clone();
        }
    }

    /** Whether everything sent has been answered and every answer delivered everywhere. */
    boolean settled() {
        return acknowledged() + errors() >= sent() && lost() == 0;
    }

    Report report(String scenario) {
        double ackSeconds = (lastAck.get() - started) / 1e9;
        double deliverySeconds = (lastDelivery.get() - started) / 1e9;
        long[] latency = latencies.summary();
        return new Report(
                scenario,
                sent(),
                acknowledged(),
                deliveries.sum(),
                expected(),
                lost(),
                duplicated.sum(),
                reordered.sum(),
                errors(),
                ackSeconds <= 0 ? 0 : acknowledged() / ackSeconds,
                deliverySeconds <= 0 ? 0 : deliveries.sum() / deliverySeconds,
                latency[0],
                latency[1],
                latency[2],
                latency[3]);
    }
}

package chat.plume.messaging;

import chat.plume.platform.Settings;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.metrics.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for sends. A commit per message was the top cost in the direct benchmark: with
 * the embedded database every commit writes its store under one global lock, and 32 request
 * threads queued there (docs/benchmarks.md). Here sends queue in lanes; each lane's thread takes
 * whatever has queued while it was writing (up to {@code plume.messages.write-batch}, 64) and
 * stores it in one transaction, so a busy server commits tens of messages at once and an idle
 * one still commits each message straight away. The caller is answered when its own message's
 * outcome is known, so an {@code ack} still means "stored", and everyone is still pushed after
 * the commit. No request thread waits meanwhile.
 *
 * <p>A conversation always goes to the same lane ({@code plume.messages.writers}, 2), so lanes
 * never wait for each other's conversation locks, and a conversation's messages are committed
 * and pushed in order whoever sends them. A refused send is answered with its refusal and the
 * rest of its batch is committed ({@link Sends#sendAll}); only an unexpected failure of the
 * whole transaction (a lock timeout; a client message id taken by another transaction at the
 * same moment) makes the lane store the batch again one send at a time.
 * Each lane holds at most {@link #LANE_CAPACITY} sends; past that a send is refused {@code busy}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageWriter {

    private static final Logger LOG = Logger.getLogger(MessageWriter.class.getName());
    /** Sends waiting in one lane; about 3 seconds of the lane's measured throughput. */
    static final int LANE_CAPACITY = 5_000;
    /** How long shutting down waits for a lane to finish the batch it is writing. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    @Inject
    Sends sends;

    @Inject
    Metrics metrics;

    @Resource
    ManagedThreadFactory threads;

    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean running = true;
    private int batchLimit;

    @PostConstruct
    void start() {
        batchLimit = Settings.integer("plume.messages.write-batch", 64, 1, 1000);
        int writers = Settings.integer("plume.messages.writers", 2, 1, 64);
        for (int i = 0; i < writers; i++) {
            Lane lane = new Lane();
            lanes.add(lane);
            Thread thread = threads.newThread(lane::run);
            thread.setName("plume-message-writer-" + i);
            lane.thread = thread;
            thread.start();
        }
        metrics.gauge(
                "plume.writer.queue.depth",
                "Sends waiting for a writer lane on this node",
                () -> lanes.stream().mapToInt(l -> l.queue.size()).sum());
    }

    /**
     * Queues a send; the future completes once the message is committed, or with its refusal.
     * Nobody waits on a thread for it: the handler answers when it completes.
     */
    public CompletableFuture<Sent> submit(Outgoing outgoing) {
        Pending pending = new Pending(outgoing, new CompletableFuture<>());
        Lane lane = lanes.get(Math.floorMod(Long.hashCode(outgoing.conversationId()), lanes.size()));
        if (!running) {
            pending.result().completeExceptionally(shuttingDown());
        } else if (!lane.queue.offer(pending)) {
            metrics.messageRefused("busy");
            pending.result()
                    .completeExceptionally(
                            new RateLimitedException("busy", Duration.ofSeconds(1), "The server is busy; try again."));
        } else if (!running && lane.queue.remove(pending)) {
            // Stopped between the check and the queueing, possibly after the lane's last look at
            // its queue: whoever takes it out of the queue answers it, here or in the lane.
            pending.result().completeExceptionally(shuttingDown());
        }
        return pending.result();
    }

    /** False once stopping has begun. */
    boolean isRunning() {
        return running;
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("Plume is shutting down");
    }

    /**
     * Stops without interrupting: a lane thread may be inside a database write, and the embedded
     * database's store is closed by an interrupt (the datasource then stays broken until the
     * server restarts). Each lane finishes the batch it is writing; what is still queued is
     * refused.
     */
    @PreDestroy
    void stop() {
        running = false;
        for (Lane lane : lanes) {
            lane.awaitEnd();
        }
    }

    private record Pending(Outgoing outgoing, CompletableFuture<Sent> result) {}

    /** One writer thread and its queue. */
    private final class Lane {
        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(LANE_CAPACITY);
        private volatile Thread thread;

        void run() {
            try {
                while (running) {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, batchLimit - 1);
                    try {
                        write(batch);
                    } catch (RuntimeException | Error e) {
                        // Even an Error: a dead lane would leave its conversations unanswered for
                        // good. Whoever the failure left without an answer gets this one.
                        LOG.log(Level.SEVERE, "Message writer failed", e);
                        batch.forEach(p -> p.result().completeExceptionally(e));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                for (Pending left; (left = queue.poll()) != null; ) {
                    left.result().completeExceptionally(shuttingDown());
                }
            }
        }

        void awaitEnd() {
            Thread lane = thread;
            if (lane == null) {
                return;
            }
            try {
                lane.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lane.isAlive()) {
                LOG.warning(() -> lane.getName() + " did not finish within " + STOP_WAIT + "; not interrupting it");
            }
        }

        private void write(List<Pending> batch) {
            List<SendOutcome> outcomes;
            try {
                outcomes = sends.sendAll(batch.stream().map(Pending::outgoing).toList());
                metrics.writerBatch(batch.size());
            } catch (RuntimeException failed) {
                if (batch.size() == 1) {
                    batch.get(0).result().completeExceptionally(failed);
                    return;
                }
                // The transaction failed as a whole (not a refusal: those come back as outcomes),
                // e.g. a lock timeout: store them one at a time, so that only the culprit fails.
                LOG.log(Level.FINE, "Batch of " + batch.size() + " failed; storing one by one", failed);
                batch.forEach(this::writeAlone);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                SendOutcome outcome = outcomes.get(i);
                if (outcome.refused() != null) {
                    metrics.messageRefused(outcome.refused().code());
                    batch.get(i).result().completeExceptionally(outcome.refused());
                } else {
                    if (!outcome.sent().duplicate()) {
                        metrics.messageSent();
                    }
                    batch.get(i).result().complete(outcome.sent());
                }
            }
        }

        private void writeAlone(Pending pending) {
            try {
                write(List.of(pending));
            } catch (RuntimeException | Error e) {
                pending.result().completeExceptionally(e);
            }
        }
    }
}

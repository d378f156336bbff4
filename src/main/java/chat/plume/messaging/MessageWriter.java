package chat.plume.messaging;

import chat.plume.platform.Settings;
import chat.plume.platform.error.PlumeException;
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
 * sends it in one transaction, so a busy server commits tens of messages at once and an idle one
 * still commits each message straight away. The caller is answered when its own message's
 * outcome is known, so an {@code ack} still means "stored", and everyone is still pushed after
 * the commit. No request thread waits meanwhile.
 *
 * <p>A conversation always goes to the same lane ({@code plume.messages.writers}, 2), so lanes
 * never wait for each other's conversation locks, and one sender's messages stay in order. If
 * any send in a batch is refused, the batch is rolled back and sent again one by one, so that
 * only that send is refused.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageWriter {

    private static final Logger LOG = Logger.getLogger(MessageWriter.class.getName());

    @Inject
    Messages messages;

    @Inject
    SendRules rules;

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
            thread.start();
        }
    }

    /**
     * Queues a send; the future completes once the message is committed (or with the refusal
     * {@link Messages#send} would have thrown). Nobody waits on a thread for it: the handler
     * answers when it completes. A send whose own fields break the {@link SendRules} gets an
     * already failed future and never reaches a batch.
     */
    public CompletableFuture<Messages.Sent> submit(Messages.Outgoing outgoing) {
        try {
            rules.check(outgoing);
        } catch (PlumeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        Pending pending = new Pending(outgoing, new CompletableFuture<>());
        if (!running) {
            pending.result().completeExceptionally(shuttingDown());
            return pending.result();
        }
        lanes.get(Math.floorMod(Long.hashCode(outgoing.conversationId()), lanes.size())).queue.add(pending);
        return pending.result();
    }

    private static IllegalStateException shuttingDown() {
        return new IllegalStateException("Plume is shutting down");
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Lane lane : lanes) {
            lane.stop();
        }
    }

    private record Pending(Messages.Outgoing outgoing, CompletableFuture<Messages.Sent> result) {
    }

    /** One writer thread and its queue. */
    private final class Lane {
        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private volatile Thread thread;

        void run() {
            thread = Thread.currentThread();
            try {
                while (running) {
                    Pending first = queue.poll(1, TimeUnit.SECONDS);
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

        void stop() {
            Thread running = thread;
            if (running != null) {
                running.interrupt();
                try {
                    running.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void write(List<Pending> batch) {
            if (batch.size() > 1) {
                try {
                    List<Messages.Sent> sent = messages.sendAll(batch.stream().map(Pending::outgoing).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).result().complete(sent.get(i));
                    }
                    return;
                } catch (RuntimeException refusedOrFailed) {
                    // Rolled back as a whole: find out which one it was by sending them singly.
                    LOG.log(Level.FINE, "Batch of " + batch.size() + " rolled back; sending one by one", refusedOrFailed);
                }
            }
            for (Pending pending : batch) {
                Messages.Outgoing o = pending.outgoing();
                try {
                    pending.result().complete(messages.send(o.caller(), o.conversationId(), o.clientMessageId(),
                            o.body(), o.replyTo(), o.mentions(), o.mediaId()));
                } catch (RuntimeException | Error e) {
                    pending.result().completeExceptionally(e);
                }
            }
        }
    }
}

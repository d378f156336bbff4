package chat.plume.realtime;

import chat.plume.platform.events.CommitBuffer;
import chat.plume.platform.events.PresenceDirectory;
import chat.plume.platform.events.Push;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the features' {@link Push} events once their transaction has committed, in the order
 * they were fired, and answers who is online. The only way business state reaches connections.
 *
 * <p>Pushes are collected per transaction and delivered after the commit, in order, by a
 * {@link CommitBuffer} (a transactional observer per event reversed a group-commit batch of 50
 * messages on every device: found by an independent load generator; the load tool and ChaosIT
 * now fail on any reordering). Pushes of one numbered
 * stream (a conversation's messages) made by different transactions are put in order by the
 * {@link PushSequencer}. Fired outside a transaction, a push goes out at once; in a transaction that rolls back, never.
 */
@ApplicationScoped
public class PushDelivery implements PresenceDirectory {

    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    private static final Object PENDING = PushDelivery.class.getName() + ".pending";

    @Inject
    Dispatcher dispatcher;

    @Inject
    ConnectionRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How long a push may wait for an earlier one of its stream (see {@link PushSequencer}). */
    static final Duration HOLD = Duration.ofMillis(500);

    /** Streams (conversations) whose position is remembered; the least recently pushed are forgotten. */
    static final int STREAMS = 100_000;

    private PushSequencer sequencer;
    private CommitBuffer<Push> pushes;

    @PostConstruct
    void start() {
        sequencer = new PushSequencer(this::dispatch, scheduler, HOLD, STREAMS);
        pushes = new CommitBuffer<>(transactions, PENDING, this::deliver);
    }

    void collect(@Observes Push push) {
        if (!pushes.add(push)) {
            LOG.fine(() -> "Push dropped: its transaction will not commit");
        }
    }

    private void deliver(Push push) {
        sequencer.offer(push);
    }

    private void dispatch(Push push) {
        try {
            if (push.isToEveryone()) {
                dispatcher.toEveryone(push.frame());
            } else {
                dispatcher.toUsers(push.recipients(), push.frame());
            }
        } catch (RuntimeException e) {
            // One push failing must not keep the rest of the transaction's pushes from going out.
            LOG.log(Level.WARNING, "Delivering a push failed", e);
        }
    }

    @Override
    public boolean isOnline(long accountId) {
        return registry.isOnline(accountId);
    }
}

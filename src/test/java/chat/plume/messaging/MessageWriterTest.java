package chat.plume.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.metrics.Metrics;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.persistence.PessimisticLockException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's own logic, with the storing side replaced (the real one runs in the ITs): sends
 * that queue meanwhile are committed together, a refused send refuses only itself and the rest
 * of its batch commits, a failed transaction is replayed one by one, an Error answers its batch,
 * a full lane says busy, and stopping neither interrupts a write nor leaves a send unanswered.
 */
class MessageWriterTest {

    /**
     * Stores by recording each transaction's committed client ids. Refuses "bad" (as a boundary
     * would), fails a whole transaction holding "locked" with others (a lock timeout), throws an
     * Error for "boom", and holds the first transaction until {@link #release} when gated.
     */
    static final class RecordingSends extends Sends {
        final List<List<String>> transactions = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        volatile boolean gated;
        volatile boolean interruptedInside;

        @Override
        public List<SendOutcome> sendAll(List<Outgoing> batch) {
            if (gated) {
                gated = false;
                entered.countDown();
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interruptedInside = true;
                }
                interruptedInside |= Thread.currentThread().isInterrupted();
            }
            List<String> ids = batch.stream().map(Outgoing::clientMessageId).toList();
            if (ids.contains("boom")) {
                throw new AssertionError("an Error, not an exception");
            }
            if (ids.contains("locked") && ids.size() > 1) {
                throw new PessimisticLockException("lock timeout");
            }
            List<SendOutcome> outcomes = new ArrayList<>();
            List<String> committed = new ArrayList<>();
            for (Outgoing o : batch) {
                if (o.clientMessageId().equals("bad") || o.clientMessageId().equals("locked")) {
                    outcomes.add(
                            SendOutcome.refusedBecause(new InvalidInputException("invalid_input", "body", "refused")));
                } else {
                    committed.add(o.clientMessageId());
                    outcomes.add(SendOutcome.of(sent(o)));
                }
            }
            transactions.add(committed);
            return outcomes;
        }

        void release() {
            gate.countDown();
        }

        private static Sent sent(Outgoing o) {
            return new Sent(
                    new MessagingViews.Message(
                            0,
                            o.conversationId(),
                            0,
                            o.caller().accountId(),
                            o.clientMessageId(),
                            "text",
                            o.body(),
                            null,
                            List.of(),
                            Instant.now(),
                            null,
                            false,
                            null,
                            null,
                            null,
                            false,
                            List.of(),
                            false,
                            null),
                    false);
        }
    }

    private final RecordingSends sends = new RecordingSends();
    private final MessageWriter writer = new MessageWriter();
    private final Caller caller = new Caller(1, "alice", Role.USER, 1, Instant.MAX);

    MessageWriterTest() {
        writer.sends = sends;
        writer.metrics = Metrics.started();
        writer.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                return new Thread(r);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void start(boolean gated) {
        sends.gated = gated;
        System.setProperty("plume.messages.writers", "1");
        try {
            writer.start();
        } finally {
            System.clearProperty("plume.messages.writers");
        }
    }

    @AfterEach
    void stop() {
        sends.release();
        writer.stop();
    }

    private CompletableFuture<Sent> submit(String clientId) {
        return writer.submit(new Outgoing(caller, 7, clientId, "hi", null, List.of(), null));
    }

    /** Holds the lane inside a first transaction, so that what is submitted meanwhile queues into one batch. */
    private void holdTheLane() throws InterruptedException {
        submit("first");
        assertThat(sends.entered.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void sendsThatQueueMeanwhileAreCommittedInOneTransaction() throws Exception {
        start(true);
        holdTheLane();
        List<CompletableFuture<Sent>> queued = List.of(submit("a"), submit("b"), submit("c"));
        sends.release();
        for (CompletableFuture<Sent> f : queued) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(sends.transactions).containsExactly(List.of("first"), List.of("a", "b", "c"));
    }

    @Test
    void aRefusedSendRefusesOnlyItselfAndTheRestOfItsBatchCommits() throws Exception {
        start(true);
        holdTheLane();
        List<CompletableFuture<Sent>> queued = List.of(submit("a"), submit("bad"), submit("c"));
        sends.release();
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS).message().clientMessageId())
                .isEqualTo("a");
        assertThatThrownBy(() -> queued.get(1).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
        assertThat(queued.get(2).get(5, TimeUnit.SECONDS).message().clientMessageId())
                .isEqualTo("c");
        // One transaction for the three, not a rollback and a replay one by one.
        assertThat(sends.transactions).containsExactly(List.of("first"), List.of("a", "c"));
    }

    @Test
    void aTransactionThatFailsAsAWholeIsReplayedOneByOne() throws Exception {
        start(true);
        holdTheLane();
        List<CompletableFuture<Sent>> queued = List.of(submit("a"), submit("locked"), submit("c"));
        sends.release();
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS)).isNotNull();
        assertThatThrownBy(() -> queued.get(1).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InvalidInputException.class);
        assertThat(queued.get(2).get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(sends.transactions).containsExactly(List.of("first"), List.of("a"), List.of(), List.of("c"));
    }

    @Test
    void anErrorInTheLaneStillAnswersEveryoneAndTheLaneGoesOn() throws Exception {
        start(false);
        CompletableFuture<Sent> boom = submit("boom");
        assertThatThrownBy(() -> boom.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(submit("after").get(5, TimeUnit.SECONDS).message().clientMessageId())
                .isEqualTo("after");
    }

    @Test
    void aFullLaneRefusesWithBusy() throws Exception {
        start(true);
        holdTheLane();
        for (int i = 0; i < MessageWriter.LANE_CAPACITY; i++) {
            assertThat(submit("q" + i)).isNotCompleted();
        }
        CompletableFuture<Sent> overflow = submit("one-too-many");
        assertThat(overflow).isCompletedExceptionally();
        assertThatThrownBy(overflow::join).hasCauseInstanceOf(RateLimitedException.class);
    }

    /**
     * Stopping lets the batch being written finish, without interrupting it (an interrupt inside
     * an H2 write closes its store), and refuses what is still queued.
     */
    @Test
    void stoppingFinishesTheWriteInProgressUninterruptedAndRefusesTheRest() throws Exception {
        start(true);
        CompletableFuture<Sent> inProgress = submit("first");
        assertThat(sends.entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Sent> queued = submit("queued");
        Thread stopper = new Thread(writer::stop);
        stopper.start();
        while (writer.isRunning()) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> submit("late").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        sends.release();
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(inProgress.get(5, TimeUnit.SECONDS).message().clientMessageId())
                .isEqualTo("first");
        assertThat(sends.interruptedInside).isFalse();
        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterShutdownASendIsRefusedAtOnce() {
        start(false);
        writer.stop();
        CompletableFuture<Sent> late = submit("late");
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).hasCauseInstanceOf(IllegalStateException.class);
    }
}

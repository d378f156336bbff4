package chat.plume.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.error.InvalidInputException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's own logic, with the storing side replaced (the real one runs in the ITs): a
 * refused send refuses only itself, an Error in a lane answers its batch, and nothing queued
 * after shutdown waits forever.
 */
class MessageWriterTest {

    /** Stores by recording; refuses the client id "bad" (as the database would); throws an Error for "boom". */
    static final class RecordingMessages extends Messages {
        final List<List<String>> transactions = new ArrayList<>();

        @Override
        public synchronized List<Sent> sendAll(List<Outgoing> batch) {
            List<String> ids = batch.stream().map(Outgoing::clientMessageId).toList();
            for (Outgoing o : batch) {
                check(o);
            }
            transactions.add(ids);
            return batch.stream().map(o -> sent(o)).toList();
        }

        @Override
        public synchronized Sent send(Caller caller, long conversationId, String clientMessageId, String body,
                Long replyTo, List<Long> mentions, Long mediaId) {
            Outgoing o = new Outgoing(caller, conversationId, clientMessageId, body, replyTo, mentions, mediaId);
            check(o);
            transactions.add(List.of(clientMessageId));
            return sent(o);
        }

        private static void check(Outgoing o) {
            if (o.clientMessageId().equals("bad")) {
                throw new InvalidInputException("invalid_input", "clientMessageId", "refused");
            }
            if (o.clientMessageId().equals("boom")) {
                throw new AssertionError("an Error, not an exception");
            }
        }

        private static Sent sent(Outgoing o) {
            return new Sent(new MessagingViews.Message(0, o.conversationId(), 0, o.caller().accountId(),
                    o.clientMessageId(), "text", o.body(), null, List.of(), Instant.now(), null, false, null, null), false);
        }
    }

    private final RecordingMessages messages = new RecordingMessages();
    private final MessageWriter writer = new MessageWriter();
    private final Caller caller = new Caller(1, "alice", chat.plume.identity.entity.Role.USER, 1, Instant.MAX);

    MessageWriterTest() {
        writer.messages = messages;
        writer.rules = new SendRules();
        writer.rules.settings = new MessagingSettings(100, java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(15));
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
        writer.start();
    }

    @AfterEach
    void stop() {
        writer.stop();
    }

    private CompletableFuture<Messages.Sent> submit(String clientId) {
        return writer.submit(new Messages.Outgoing(caller, 7, clientId, "hi", null, List.of(), null));
    }

    @Test
    void aRefusedSendRefusesOnlyItselfAndTheOthersAreStoredInOrder() throws Exception {
        List<CompletableFuture<Messages.Sent>> sends = new ArrayList<>();
        // Hold the lane busy so that the next sends queue up into one batch.
        synchronized (messages) {
            sends.add(submit("a"));
            sends.add(submit("bad"));
            sends.add(submit("c"));
            sends.add(submit("d"));
        }
        assertThat(sends.get(0).get(5, TimeUnit.SECONDS).message().clientMessageId()).isEqualTo("a");
        assertThatThrownBy(() -> sends.get(1).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
        assertThat(sends.get(2).get(5, TimeUnit.SECONDS).message().clientMessageId()).isEqualTo("c");
        assertThat(sends.get(3).get(5, TimeUnit.SECONDS).message().clientMessageId()).isEqualTo("d");
        assertThat(messages.transactions.stream().flatMap(List::stream).toList()).containsExactly("a", "c", "d");
    }

    @Test
    void anErrorInTheLaneStillAnswersEveryoneAndTheLaneGoesOn() throws Exception {
        CompletableFuture<Messages.Sent> boom = submit("boom");
        assertThatThrownBy(() -> boom.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(submit("after").get(5, TimeUnit.SECONDS).message().clientMessageId()).isEqualTo("after");
    }

    @Test
    void aSendWithBadFieldsIsRefusedBeforeItIsQueued() {
        CompletableFuture<Messages.Sent> empty = writer.submit(new Messages.Outgoing(caller, 7, "e-1", " ", null,
                List.of(), null));
        assertThat(empty).isCompletedExceptionally();
        assertThatThrownBy(empty::join).hasCauseInstanceOf(InvalidInputException.class);
        assertThat(writer.submit(new Messages.Outgoing(caller, 7, "no spaces allowed", "hi", null, List.of(), null)))
                .isCompletedExceptionally();
        assertThat(messages.transactions).isEmpty();
    }

    @Test
    void afterShutdownASendIsRefusedAtOnce() {
        writer.stop();
        assertThatThrownBy(() -> submit("late").get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}

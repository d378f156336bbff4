package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.platform.events.Push;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes of one transaction go out after it commits, all of them, in the order fired, through
 * one synchronization; none after a rollback; at once outside a transaction.
 */
class PushDeliveryTest {

    /** A transaction registry with one transaction the test begins and completes by hand. */
    static final class FakeTransactions implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
            resources.clear();
            synchronizations.clear();
        }

        void complete(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            // As the transaction manager here does: after-completion in reverse registration order.
            for (int i = synchronizations.size() - 1; i >= 0; i--) {
                synchronizations.get(i).afterCompletion(outcome);
            }
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_ACTIVE ? this : null;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    /** Records what it was asked to deliver. */
    static final class RecordingDispatcher implements Dispatcher {
        final List<Object> delivered = new ArrayList<>();

        @Override
        public void toUser(long accountId, Object frame) {
            delivered.add(frame);
        }

        @Override
        public void toUsers(Collection<Long> accountIds, Object frame) {
            delivered.add(frame);
        }

        @Override
        public void toEveryone(Object frame) {
            delivered.add("everyone:" + frame);
        }

        @Override
        public void toConnection(long accountId, String connectionId, Object frame) {
            delivered.add(connectionId + ":" + frame);
        }
    }

    private final FakeTransactions transactions = new FakeTransactions();
    private final RecordingDispatcher dispatcher = new RecordingDispatcher();
    private final PushDelivery delivery = new PushDelivery();

    @BeforeEach
    void wire() {
        delivery.transactions = transactions;
        delivery.dispatcher = dispatcher;
        delivery.start();
    }

    @Test
    void aPushToEveryoneGoesToEveryConnectionAfterCommit() {
        transactions.begin();
        delivery.collect(Push.to(7L, "before"));
        delivery.collect(Push.toEveryone("announcement"));
        assertThat(dispatcher.delivered).isEmpty();
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(dispatcher.delivered).containsExactly("before", "everyone:announcement");
    }

    @Test
    void aTransactionsPushesGoOutAfterCommitInTheOrderFired() {
        transactions.begin();
        for (int i = 1; i <= 50; i++) {
            delivery.collect(Push.to(7L, "frame-" + i));
        }
        assertThat(dispatcher.delivered).isEmpty();
        assertThat(transactions.synchronizations).hasSize(1);
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(dispatcher.delivered).hasSize(50).first().isEqualTo("frame-1");
        assertThat(dispatcher.delivered).last().isEqualTo("frame-50");
        assertThat(dispatcher.delivered)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 50).mapToObj(i -> "frame-" + i).toList());
    }

    @Test
    void nothingGoesOutAfterARollbackOrOnceMarkedForOne() {
        transactions.begin();
        delivery.collect(Push.to(7L, "rolled back"));
        transactions.complete(Status.STATUS_ROLLEDBACK);
        transactions.begin();
        transactions.setRollbackOnly();
        delivery.collect(Push.to(7L, "doomed"));
        assertThat(dispatcher.delivered).isEmpty();
    }

    @Test
    void withoutATransactionAPushGoesOutAtOnce() {
        delivery.collect(Push.to(7L, "now"));
        assertThat(dispatcher.delivered).containsExactly("now");
    }
}

package chat.plume.platform.events;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds what a transaction produces until it commits, then hands it on in the order it came: one
 * synchronization per transaction, never one per item (the transaction manager runs
 * after-completion callbacks in reverse order of registration, which reversed whole batches of
 * messages once). Outside a transaction an item goes on at once; in one that will not commit, it
 * is dropped.
 */
public final class CommitBuffer<T> {

    private final TransactionSynchronizationRegistry transactions;
    private final Object key;
    private final Consumer<T> next;

    /** {@code key}: this buffer's resource in each transaction (unique to its owner). */
    public CommitBuffer(TransactionSynchronizationRegistry transactions, Object key, Consumer<T> next) {
        this.transactions = transactions;
        this.key = key;
        this.next = next;
    }

    /** Passes {@code item} on once the current transaction commits; false if it was dropped. */
    public boolean add(T item) {
        switch (transactions.getTransactionStatus()) {
            case Status.STATUS_NO_TRANSACTION -> {
                next.accept(item);
                return true;
            }
            case Status.STATUS_ACTIVE -> {
                pending().add(item);
                return true;
            }
            // Marked for rollback (or already completing): what it produced never happened.
            default -> {
                return false;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<T> pending() {
        List<T> pending = (List<T>) transactions.getResource(key);
        if (pending == null) {
            List<T> list = new ArrayList<>();
            transactions.putResource(key, list);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        list.forEach(next);
                    }
                }
            });
            pending = list;
        }
        return pending;
    }
}

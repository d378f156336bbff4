package chat.plume.bots;

import chat.plume.platform.events.CommitBuffer;
import chat.plume.platform.events.Push;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What bots that run inside Plume (the assistant) receive: exactly the pushes a connected client
 * of theirs would — a message in a conversation they are in, a friend request to them — once the
 * transaction that made them has committed, in order, each bot's on a worker thread (never the
 * sender's). A bot sees nothing more than a person would; it acts through the same boundaries.
 * The check per push is one lookup per bot served here (a handful), not per recipient.
 */
@ApplicationScoped
public class BotInbox {

    private static final Logger LOG = Logger.getLogger(BotInbox.class.getName());

    /** A push for one bot. */
    private record Delivery(Consumer<Object> bot, Object frame) {}

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService workers;

    private final Map<Long, Consumer<Object>> served = new ConcurrentHashMap<>();
    private CommitBuffer<Delivery> deliveries;

    @PostConstruct
    void start() {
        deliveries = new CommitBuffer<>(transactions, BotInbox.class.getName(), this::hand);
    }

    /** From now on, pushes to {@code botId} go to {@code handler} (each frame a record with a {@code type}). */
    public void serve(long botId, Consumer<Object> handler) {
        served.put(botId, handler);
    }

    void collect(@Observes Push push) {
        if (push.isToEveryone() || served.isEmpty()) {
            return;
        }
        served.forEach((botId, handler) -> {
            if (push.recipients().contains(botId)) {
                deliveries.add(new Delivery(handler, push.frame()));
            }
        });
    }

    private void hand(Delivery delivery) {
        workers.execute(() -> {
            try {
                delivery.bot().accept(delivery.frame());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A bot failed to handle a push", e);
            }
        });
    }
}

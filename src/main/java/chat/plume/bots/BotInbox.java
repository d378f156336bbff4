package chat.plume.bots;

import chat.plume.platform.events.CommitBuffer;
import chat.plume.platform.events.Push;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What bots that run inside Plume (the assistant) receive: exactly the pushes a connected client
 * of theirs would — a message in a conversation they are in, a friend request to them — once the
 * transaction that made them has committed, on threads of that bot's own (a few, with a bounded
 * queue: a bot that falls behind drops pushes, logged, rather than holding anyone up; never the
 * sender's thread nor the pool connections run on). A bot sees nothing more than a person would;
 * it acts through the same boundaries. The check per push is one lookup per bot served here (a
 * handful), not per recipient.
 */
@ApplicationScoped
public class BotInbox {

    private static final Logger LOG = Logger.getLogger(BotInbox.class.getName());

    /** A bot served here: what handles its pushes, and its threads. */
    private record Served(Consumer<Object> handler, ExecutorService threads) {}

    /** A push for one bot. */
    private record Delivery(Served bot, Object frame) {}

    /** Pushes waiting for a bot's threads; more are dropped (logged). */
    static final int QUEUE = 1000;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threadFactory;

    private final Map<Long, Served> served = new ConcurrentHashMap<>();
    private CommitBuffer<Delivery> deliveries;

    @PostConstruct
    void start() {
        deliveries = new CommitBuffer<>(transactions, BotInbox.class.getName(), this::hand);
    }

    /**
     * From now on, pushes to {@code botId} go to {@code handler} (each frame a record with a
     * {@code type}), on {@code threads} threads of the bot's own.
     */
    public void serve(long botId, int threads, Consumer<Object> handler) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                threadFactory,
                (task, executor) -> LOG.warning(() -> "Bot " + botId + " is behind; a push to it was dropped"));
        Served previous = served.put(botId, new Served(handler, pool));
        if (previous != null) {
            previous.threads().shutdown();
        }
    }

    @PreDestroy
    void stop() {
        served.values().forEach(s -> s.threads().shutdownNow());
    }

    void collect(@Observes Push push) {
        if (push.isToEveryone() || served.isEmpty()) {
            return;
        }
        served.forEach((botId, bot) -> {
            if (push.recipients().contains(botId)) {
                deliveries.add(new Delivery(bot, push.frame()));
            }
        });
    }

    private void hand(Delivery delivery) {
        delivery.bot().threads().execute(() -> {
            try {
                delivery.bot().handler().accept(delivery.frame());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A bot failed to handle a push", e);
            }
        });
    }
}

package chat.plume.bots.events;

import chat.plume.bots.Bots;
import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.rest.ResultPage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bot's subscriptions to its events, managed by its owner: subscribe a URL (public addresses
 * only, unless allowed) to some of the event types, and get its {@code whsec_} secret once; a
 * new secret (the old one keeps signing for a day); turn a disabled one on again; delete one; see
 * the recent deliveries with their status codes and send one again.
 */
@Stateless
public class Subscriptions {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    /** A subscription as its bot's owner sees it. */
    public record SubscriptionView(
            long id,
            String url,
            List<String> events,
            Instant createdAt,
            Instant disabledAt,
            String disabledReason,
            int consecutiveFailures) {

        static SubscriptionView of(BotSubscription s) {
            return new SubscriptionView(
                    s.id(),
                    s.url(),
                    List.copyOf(new TreeSet<>(s.events())),
                    Timestamps.toInstant(s.createdAt()),
                    Timestamps.toInstant(s.disabledAt()),
                    s.disabledReason(),
                    s.consecutiveFailures());
        }
    }

    /** A subscription and its secret, shown once. */
    public record WithSecret(SubscriptionView subscription, String secret) {

        /** A secret: never printed. */
        @Override
        public String toString() {
            return "WithSecret[subscription=" + subscription.id() + ", secret=***]";
        }
    }

    /** A delivery as the owner's bot page lists it. */
    public record DeliveryView(
            long id,
            long subscription,
            String eventId,
            String type,
            String status,
            int attempts,
            Integer statusCode,
            String error,
            Instant createdAt,
            Instant finishedAt) {

        static DeliveryView of(BotDelivery d) {
            return new DeliveryView(
                    d.id(),
                    d.subscriptionId(),
                    d.eventId(),
                    d.eventType(),
                    d.status().name().toLowerCase(java.util.Locale.ROOT),
                    d.attempts(),
                    d.lastStatusCode(),
                    d.lastError(),
                    Timestamps.toInstant(d.createdAt()),
                    Timestamps.toInstant(d.finishedAt()));
        }
    }

    /** Fired when subscriptions change: after the commit, the outbox reads them again. */
    public record Changed() {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Bots bots;

    @Inject
    PublicAddresses addresses;

    @Inject
    EventOutbox outbox;

    @Inject
    Event<Changed> changed;

    @Resource
    ManagedExecutorService workers;

    @Inject
    Event<DeliveryStore.Queued> queued;

    public WithSecret subscribe(Caller caller, long botId, String url, Set<String> events) {
        caller.refuseBot();
        bots.requireOwned(caller, botId);
        if (events.isEmpty() || !BotEvent.TYPES.containsAll(events)) {
            throw new InvalidInputException(
                    "invalid_input", "events", "events must name some of " + new TreeSet<>(BotEvent.TYPES) + ".");
        }
        URI target;
        try {
            target = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid_input", "url", "url must be an http or https URL.");
        }
        Optional<String> refusal = addresses.refusal(target);
        if (refusal.isPresent()) {
            throw new InvalidInputException("webhook_url_forbidden", "url", refusal.get());
        }
        if (of(botId).size() >= EventSettings.MAX_SUBSCRIPTIONS_PER_BOT) {
            throw new ConflictException(
                    "too_many_subscriptions",
                    "A bot has at most " + EventSettings.MAX_SUBSCRIPTIONS_PER_BOT + " subscriptions.");
        }
        String secret = WebhookSignatures.newSecret();
        BotSubscription subscription = new BotSubscription(botId, target.toString(), events, secret, Timestamps.now());
        em.persist(subscription);
        em.flush();
        changed.fire(new Changed());
        return new WithSecret(SubscriptionView.of(subscription), secret);
    }

    public List<SubscriptionView> list(Caller caller, long botId) {
        bots.requireOwned(caller, botId);
        return of(botId).stream().map(SubscriptionView::of).toList();
    }

    public void delete(Caller caller, long botId, long subscriptionId) {
        owned(caller, botId, subscriptionId).delete(Timestamps.now());
        changed.fire(new Changed());
    }

    /** A new secret; the old one keeps signing deliveries for a day, so the receiver can switch without a gap. */
    public WithSecret newSecret(Caller caller, long botId, long subscriptionId) {
        BotSubscription subscription = owned(caller, botId, subscriptionId);
        String secret = WebhookSignatures.newSecret();
        subscription.rotate(secret, ROTATION_OVERLAP, Timestamps.now());
        return new WithSecret(SubscriptionView.of(subscription), secret);
    }

    /** Turns a subscription that was disabled after failures on again. */
    public SubscriptionView enable(Caller caller, long botId, long subscriptionId) {
        BotSubscription subscription = owned(caller, botId, subscriptionId);
        subscription.enable();
        changed.fire(new Changed());
        return SubscriptionView.of(subscription);
    }

    /** The bot's recent deliveries, newest first, with their status codes. */
    public ResultPage<DeliveryView> deliveries(Caller caller, long botId, int page, int size) {
        bots.requireOwned(caller, botId);
        List<Long> subscriptions = em.createQuery("select s.id from BotSubscription s where s.botId = :bot", Long.class)
                .setParameter("bot", botId)
                .getResultList();
        if (subscriptions.isEmpty()) {
            return new ResultPage<>(List.of(), page, size, 0);
        }
        List<DeliveryView> items = em.createNamedQuery(BotDelivery.OF_SUBSCRIPTIONS, BotDelivery.class)
                .setParameter("subscriptions", subscriptions)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(DeliveryView::of)
                .toList();
        long total = em.createNamedQuery(BotDelivery.COUNT_OF_SUBSCRIPTIONS, Long.class)
                .setParameter("subscriptions", subscriptions)
                .getSingleResult();
        return new ResultPage<>(items, page, size, total);
    }

    /** Sends a delivery's event again (the same webhook-id), as a new delivery. */
    public DeliveryView replay(Caller caller, long botId, long deliveryId) {
        bots.requireOwned(caller, botId);
        BotDelivery delivery = em.find(BotDelivery.class, deliveryId);
        BotSubscription subscription =
                delivery == null ? null : em.find(BotSubscription.class, delivery.subscriptionId());
        if (subscription == null || subscription.botId() != botId) {
            throw new MissingEntityException("delivery_not_found", "No such delivery of this bot.");
        }
        if (!subscription.isLive()) {
            throw new ConflictException(
                    "subscription_disabled", "Turn the subscription on again before sending its events again.");
        }
        BotDelivery again = delivery.replay(Timestamps.now());
        em.persist(again);
        em.flush();
        queued.fire(new DeliveryStore.Queued());
        return DeliveryView.of(again);
    }

    public void refreshAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed event) {
        // Not here: the committed transaction is still this thread's, and a read cannot join it.
        workers.execute(outbox::refresh);
    }

    private List<BotSubscription> of(long botId) {
        return em.createNamedQuery(BotSubscription.OF_BOT, BotSubscription.class)
                .setParameter("bot", botId)
                .getResultList();
    }

    private BotSubscription owned(Caller caller, long botId, long subscriptionId) {
        bots.requireOwned(caller, botId);
        BotSubscription subscription = em.find(BotSubscription.class, subscriptionId);
        if (subscription == null || subscription.botId() != botId || !subscription.deletedAtIsNull()) {
            throw new MissingEntityException("subscription_not_found", "No such subscription of this bot.");
        }
        return subscription;
    }
}

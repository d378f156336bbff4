package chat.plume.bots.events;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox of deliveries: written with the change they tell of; read and settled by the sender. */
@Stateless
public class DeliveryStore {

    /** A delivery to make now. */
    public record Due(
            long id,
            long subscriptionId,
            String eventId,
            String eventType,
            Long conversationId,
            String payload,
            int attempts) {}

    /** Fired when deliveries enter the outbox: after the commit, the sender looks at once. */
    public record Queued() {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Queued> queued;

    /** In the caller's transaction: the event is delivered exactly when the change commits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void put(long subscriptionId, String eventId, BotEvent event, String payload) {
        em.persist(new BotDelivery(
                subscriptionId, eventId, event.type(), event.conversation(), payload, Timestamps.now()));
        queued.fire(new Queued());
    }

    /**
     * The live subscriptions, as the outbox keeps them. Read through this bean, not by the outbox
     * itself: the outbox is refreshed from a scheduled task too, and on Payara a container-managed
     * entity manager used from such a thread outside any bean invocation fails ("closed
     * EntityManager"), so subscriptions made on another node were never seen there.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, List<EventOutbox.Subscribed>> liveSubscriptions() {
        Map<Long, List<EventOutbox.Subscribed>> byBot = new LinkedHashMap<>();
        em.createNamedQuery(BotSubscription.LIVE, BotSubscription.class)
                .getResultList()
                .forEach(s -> byBot.computeIfAbsent(s.botId(), b -> new ArrayList<>())
                        .add(new EventOutbox.Subscribed(s.id(), s.events())));
        return byBot;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Due> due(int limit) {
        return em.createNamedQuery(BotDelivery.DUE, BotDelivery.class)
                .setParameter("pending", BotDelivery.Status.PENDING)
                .setParameter("now", Timestamps.now())
                .setMaxResults(limit)
                .getResultStream()
                .map(d -> new Due(
                        d.id(),
                        d.subscriptionId(),
                        d.eventId(),
                        d.eventType(),
                        d.conversationId(),
                        d.payload(),
                        d.attempts()))
                .toList();
    }

    /** The secrets a delivery of this subscription is signed with, its URL; null if it is gone or disabled. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Target target(long subscriptionId) {
        BotSubscription s = em.find(BotSubscription.class, subscriptionId);
        return s == null || !s.isLive() ? null : new Target(s.botId(), s.url(), s.signingSecrets(Timestamps.now()));
    }

    /** Where a delivery goes and how it is signed. */
    public record Target(long botId, String url, List<String> secrets) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long deliveryId, int statusCode) {
        BotDelivery delivery = em.find(BotDelivery.class, deliveryId);
        delivery.delivered(statusCode, Timestamps.now());
        // Statements, not the entity: deliveries of one subscription finish side by side, and the
        // owner may change it meanwhile; nothing here may write a stale row back.
        em.createQuery("update BotSubscription s set s.consecutiveFailures = 0 where s.id = :id"
                        + " and s.consecutiveFailures <> 0")
                .setParameter("id", delivery.subscriptionId())
                .executeUpdate();
    }

    /**
     * A failed attempt: retried after {@code wait} (null: given up). Returns the subscription's
     * bot if this failure disabled it (so its owner is told).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Long failed(long deliveryId, Integer statusCode, String error, Duration wait, int maxFailures) {
        BotDelivery delivery = em.find(BotDelivery.class, deliveryId);
        delivery.failed(statusCode, error, wait, Timestamps.now());
        long subscription = delivery.subscriptionId();
        em.createQuery(
                        "update BotSubscription s set s.consecutiveFailures = s.consecutiveFailures + 1 where s.id = :id")
                .setParameter("id", subscription)
                .executeUpdate();
        String reason = maxFailures + " deliveries in a row failed; the last: " + error;
        int disabled = em.createQuery("update BotSubscription s set s.disabledAt = :now, s.disabledReason = :reason"
                        + " where s.id = :id and s.disabledAt is null and s.consecutiveFailures >= :limit")
                .setParameter("now", Timestamps.now())
                .setParameter("reason", reason.length() <= 300 ? reason : reason.substring(0, 299) + "…")
                .setParameter("id", subscription)
                .setParameter("limit", maxFailures)
                .executeUpdate();
        return disabled == 1
                ? em.createQuery("select s.botId from BotSubscription s where s.id = :id", Long.class)
                        .setParameter("id", subscription)
                        .getSingleResult()
                : null;
    }

    /** Forgets deliveries finished (delivered or given up) longer ago than {@code age}: their payloads hold messages. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(Duration age) {
        return em.createQuery("delete from BotDelivery d where d.status <> :pending and d.finishedAt < :before")
                .setParameter("pending", BotDelivery.Status.PENDING)
                .setParameter("before", Timestamps.now().minus(age))
                .executeUpdate();
    }

    /** A delivery whose subscription is gone or disabled: given up on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void dropped(long deliveryId) {
        em.find(BotDelivery.class, deliveryId)
                .failed(null, "The subscription is disabled or deleted.", null, Timestamps.now());
    }
}

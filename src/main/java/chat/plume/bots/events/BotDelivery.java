package chat.plume.bots.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/** One event on its way to one subscription: attempted until delivered or given up on. */
@Entity
@Table(name = "bot_delivery")
@NamedQuery(
        name = BotDelivery.DUE,
        query = "select d from BotDelivery d where d.status = :pending and d.nextAttemptAt <= :now order by d.id")
@NamedQuery(
        name = BotDelivery.OF_SUBSCRIPTIONS,
        query = "select d from BotDelivery d where d.subscriptionId in :subscriptions order by d.id desc")
@NamedQuery(
        name = BotDelivery.COUNT_OF_SUBSCRIPTIONS,
        query = "select count(d) from BotDelivery d where d.subscriptionId in :subscriptions")
public class BotDelivery {

    static final String DUE = "BotDelivery.due";
    static final String OF_SUBSCRIPTIONS = "BotDelivery.ofSubscriptions";
    static final String COUNT_OF_SUBSCRIPTIONS = "BotDelivery.countOfSubscriptions";

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    @SequenceGenerator(name = "bot_delivery_seq", sequenceName = "bot_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bot_delivery_seq")
    private Long id;

    @Column(name = "subscription_id", nullable = false, updatable = false)
    private long subscriptionId;

    @Column(name = "event_id", nullable = false, updatable = false, length = 40)
    private String eventId;

    @Column(name = "event_type", nullable = false, updatable = false, length = 40)
    private String eventType;

    @Column(name = "conversation_id", updatable = false)
    private Long conversationId;

    @Column(nullable = false, updatable = false, length = 30_000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    protected BotDelivery() {}

    BotDelivery(
            long subscriptionId,
            String eventId,
            String eventType,
            Long conversationId,
            String payload,
            LocalDateTime now) {
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.conversationId = conversationId;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The same event again, for a replay: the same webhook-id, so a receiver can tell it apart from a new one. */
    BotDelivery replay(LocalDateTime now) {
        return new BotDelivery(subscriptionId, eventId, eventType, conversationId, payload, now);
    }

    void delivered(int statusCode, LocalDateTime now) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        finishedAt = now;
    }

    /** A failed attempt: tried again after {@code wait}, or given up on when it is null. */
    void failed(Integer statusCode, String error, Duration wait, LocalDateTime now) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null || error.length() <= 300 ? error : error.substring(0, 299) + "…";
        if (wait == null) {
            status = Status.FAILED;
            finishedAt = now;
        } else {
            nextAttemptAt = now.plus(wait);
        }
    }

    long id() {
        return id;
    }

    long subscriptionId() {
        return subscriptionId;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    Long conversationId() {
        return conversationId;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    String lastError() {
        return lastError;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime finishedAt() {
        return finishedAt;
    }
}

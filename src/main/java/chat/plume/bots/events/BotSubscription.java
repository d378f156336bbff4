package chat.plume.bots.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A bot's subscription: where its events go, which ones, and the secret they are signed with. */
@Entity
@Table(name = "bot_subscription")
@NamedQuery(
        name = BotSubscription.OF_BOT,
        query = "select s from BotSubscription s where s.botId = :bot and s.deletedAt is null order by s.id")
@NamedQuery(
        name = BotSubscription.LIVE,
        query = "select s from BotSubscription s where s.deletedAt is null and s.disabledAt is null")
public class BotSubscription {

    static final String OF_BOT = "BotSubscription.ofBot";
    static final String LIVE = "BotSubscription.live";

    @Id
    @SequenceGenerator(name = "bot_subscription_seq", sequenceName = "bot_subscription_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bot_subscription_seq")
    private Long id;

    @Column(name = "bot_id", nullable = false, updatable = false)
    private long botId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 200)
    private String events;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(name = "previous_secret", length = 100)
    private String previousSecret;

    @Column(name = "previous_until")
    private LocalDateTime previousUntil;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "disabled_at")
    private LocalDateTime disabledAt;

    @Column(name = "disabled_reason", length = 300)
    private String disabledReason;

    @Column(name = "deleted_at")
    private LocalDateTime deletedAt;

    protected BotSubscription() {}

    BotSubscription(long botId, String url, Set<String> events, String secret, LocalDateTime now) {
        this.botId = botId;
        this.url = url;
        this.events = String.join(",", events);
        this.secret = secret;
        this.createdAt = now;
    }

    /** The secrets that sign a delivery now: the current one, and the one before it during a rotation. */
    List<String> signingSecrets(LocalDateTime now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousUntil != null && previousUntil.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret; the old one keeps signing for {@code overlap}, so receivers can switch without a gap. */
    void rotate(String newSecret, Duration overlap, LocalDateTime now) {
        this.previousSecret = secret;
        this.previousUntil = now.plus(overlap);
        this.secret = newSecret;
    }

    void enable() {
        disabledAt = null;
        disabledReason = null;
        consecutiveFailures = 0;
    }

    void delete(LocalDateTime now) {
        deletedAt = now;
    }

    boolean deletedAtIsNull() {
        return deletedAt == null;
    }

    boolean isLive() {
        return deletedAt == null && disabledAt == null;
    }

    long id() {
        return id;
    }

    long botId() {
        return botId;
    }

    String url() {
        return url;
    }

    Set<String> events() {
        return Set.copyOf(Arrays.asList(events.split(",")));
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime disabledAt() {
        return disabledAt;
    }

    String disabledReason() {
        return disabledReason;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }
}

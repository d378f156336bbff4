package chat.plume.bots;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An incoming webhook: posts into one conversation as one bot, for whoever has its secret. */
@Entity
@Table(name = "hook")
@NamedQuery(
        name = Hook.OF_CONVERSATION,
        query = "select h from Hook h where h.conversationId = :conversation and h.revokedAt is null order by h.id")
@NamedQuery(
        name = Hook.COUNT_OF_CONVERSATION,
        query = "select count(h) from Hook h where h.conversationId = :conversation and h.revokedAt is null")
public class Hook {

    static final String OF_CONVERSATION = "Hook.ofConversation";
    static final String COUNT_OF_CONVERSATION = "Hook.countOfConversation";

    @Id
    @SequenceGenerator(name = "hook_seq", sequenceName = "hook_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hook_seq")
    private Long id;

    @Column(name = "bot_id", nullable = false, updatable = false)
    private long botId;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "creator_id", nullable = false, updatable = false)
    private long creatorId;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected Hook() {}

    Hook(long botId, long conversationId, long creatorId, String name, String secretHash, LocalDateTime now) {
        this.botId = botId;
        this.conversationId = conversationId;
        this.creatorId = creatorId;
        this.name = name;
        this.secretHash = secretHash;
        this.createdAt = now;
    }

    boolean isLive() {
        return revokedAt == null;
    }

    void revoke(LocalDateTime now) {
        this.revokedAt = now;
    }

    void newSecret(String secretHash) {
        this.secretHash = secretHash;
    }

    long id() {
        return id;
    }

    long botId() {
        return botId;
    }

    long conversationId() {
        return conversationId;
    }

    long creatorId() {
        return creatorId;
    }

    String name() {
        return name;
    }

    String secretHash() {
        return secretHash;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime lastUsedAt() {
        return lastUsedAt;
    }
}

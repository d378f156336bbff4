package chat.plume.bots;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * What only a bot has besides its account: the person who owns it (none for the assistant that
 * comes with Plume) and a description. The account itself (name, avatar, the bot mark) is
 * identity's.
 */
@Entity
@Table(name = "bot")
@NamedQuery(
        name = Bot.OF_OWNER,
        query = "select b from Bot b where b.ownerId = :owner and b.deletedAt is null order by b.accountId")
@NamedQuery(
        name = Bot.COUNT_OF_OWNER,
        query = "select count(b) from Bot b where b.ownerId = :owner and b.deletedAt is null")
public class Bot {

    static final String OF_OWNER = "Bot.ofOwner";
    static final String COUNT_OF_OWNER = "Bot.countOfOwner";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "owner_id", updatable = false)
    private Long ownerId;

    @Column(length = 500)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "deleted_at")
    private LocalDateTime deletedAt;

    protected Bot() {}

    Bot(long accountId, Long ownerId, String description, LocalDateTime now) {
        this.accountId = accountId;
        this.ownerId = ownerId;
        this.description = description;
        this.createdAt = now;
    }

    boolean isOwnedBy(long accountId) {
        return deletedAt == null && ownerId != null && ownerId == accountId;
    }

    void describe(String description) {
        this.description = description;
    }

    void delete(LocalDateTime now) {
        this.deletedAt = now;
    }

    Long ownerId() {
        return ownerId;
    }

    long accountId() {
        return accountId;
    }

    String description() {
        return description;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }
}

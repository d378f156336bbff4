package chat.plume.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** One person's emoji reaction to one message (表情回应). */
@Entity
@Table(name = "message_reaction")
@IdClass(Reaction.Key.class)
@NamedQuery(
        name = Reaction.OF_MESSAGES,
        query = "select r from Reaction r where r.messageId in :messages order by r.createdAt, r.accountId")
@NamedQuery(
        name = Reaction.MINE_ON,
        query = "select r.emoji from Reaction r where r.messageId = :message and r.accountId = :account")
@NamedQuery(
        name = Reaction.DISTINCT_ON,
        query = "select count(distinct r.emoji) from Reaction r where r.messageId = :message")
public class Reaction {

    public static final String OF_MESSAGES = "Reaction.ofMessages";
    public static final String MINE_ON = "Reaction.mineOn";
    public static final String DISTINCT_ON = "Reaction.distinctOn";

    /** The composite key: message, person, emoji. */
    public static class Key implements Serializable {
        private Long messageId;
        private Long accountId;
        private String emoji;

        public Key() {}

        public Key(long messageId, long accountId, String emoji) {
            this.messageId = messageId;
            this.accountId = accountId;
            this.emoji = emoji;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(messageId, k.messageId)
                    && Objects.equals(accountId, k.accountId)
                    && Objects.equals(emoji, k.emoji);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, accountId, emoji);
        }
    }

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "emoji")
    private String emoji;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Reaction() {}

    public Reaction(long messageId, long accountId, String emoji, LocalDateTime now) {
        this.messageId = messageId;
        this.accountId = accountId;
        this.emoji = emoji;
        this.createdAt = now;
    }

    public long messageId() {
        return messageId;
    }

    public long accountId() {
        return accountId;
    }

    public String emoji() {
        return emoji;
    }
}

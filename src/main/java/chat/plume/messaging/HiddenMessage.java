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

/** A message one person deleted for themselves only: their history keeps its place, not its content. */
@Entity
@Table(name = "hidden_message")
@IdClass(HiddenMessage.Key.class)
@NamedQuery(
        name = HiddenMessage.AMONG,
        query = "select h.messageId from HiddenMessage h where h.accountId = :account and h.messageId in :messages")
public class HiddenMessage {

    public static final String AMONG = "HiddenMessage.among";

    /** The composite key: person and message. */
    public static class Key implements Serializable {
        private Long accountId;
        private Long messageId;

        public Key() {}

        public Key(long accountId, long messageId) {
            this.accountId = accountId;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(accountId, k.accountId)
                    && Objects.equals(messageId, k.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, messageId);
        }
    }

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "hidden_at", nullable = false)
    private LocalDateTime hiddenAt;

    protected HiddenMessage() {}

    public HiddenMessage(long accountId, long messageId, LocalDateTime now) {
        this.accountId = accountId;
        this.messageId = messageId;
        this.hiddenAt = now;
    }
}

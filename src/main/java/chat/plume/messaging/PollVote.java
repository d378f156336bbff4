package chat.plume.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** One person's vote in a poll: one option, changed or taken back as they like. */
@Entity
@Table(name = "poll_vote")
@IdClass(PollVote.Key.class)
public class PollVote {

    /** The composite key: one vote per person and poll. */
    public static class Key implements Serializable {
        private Long messageId;
        private Long accountId;

        public Key() {}

        Key(long messageId, long accountId) {
            this.messageId = messageId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(messageId, k.messageId)
                    && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, accountId);
        }
    }

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "option_index", nullable = false)
    private int option;

    @Column(name = "voted_at", nullable = false)
    private LocalDateTime votedAt;

    protected PollVote() {}

    PollVote(long messageId, long accountId, int option, LocalDateTime now) {
        this.messageId = messageId;
        this.accountId = accountId;
        this.option = option;
        this.votedAt = now;
    }

    void change(int newOption, LocalDateTime now) {
        this.option = newOption;
        this.votedAt = now;
    }
}

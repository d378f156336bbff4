package chat.plume.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A message pinned to the top of its chat (置顶消息), by whom and when. */
@Entity
@Table(name = "pinned_message")
@NamedQuery(
        name = PinnedMessage.OF_CONVERSATION,
        query = "select p from PinnedMessage p where p.conversationId = :conversation order by p.pinnedAt desc")
@NamedQuery(
        name = PinnedMessage.COUNT,
        query = "select count(p) from PinnedMessage p where p.conversationId = :conversation")
public class PinnedMessage {

    public static final String OF_CONVERSATION = "PinnedMessage.ofConversation";
    public static final String COUNT = "PinnedMessage.count";

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "pinned_by", nullable = false, updatable = false)
    private long pinnedBy;

    @Column(name = "pinned_at", nullable = false, updatable = false)
    private LocalDateTime pinnedAt;

    protected PinnedMessage() {}

    public PinnedMessage(long messageId, long conversationId, long pinnedBy, LocalDateTime now) {
        this.messageId = messageId;
        this.conversationId = conversationId;
        this.pinnedBy = pinnedBy;
        this.pinnedAt = now;
    }

    public long messageId() {
        return messageId;
    }

    public long pinnedBy() {
        return pinnedBy;
    }

    public LocalDateTime pinnedAt() {
        return pinnedAt;
    }
}

package chat.plume.messaging;

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
import java.time.LocalDateTime;

/**
 * A conversation and its message counter. Sequence numbers are taken with the row locked
 * ({@code PESSIMISTIC_WRITE}) inside the sending transaction, so within a conversation they rise
 * by one per committed message, with no gaps and no two messages sharing one.
 */
@Entity
@Table(name = "conversation")
@NamedQuery(name = Conversation.BY_DIRECT_KEY, query = "select c from Conversation c where c.directKey = :key")
@NamedQuery(name = Conversation.BY_GROUP, query = "select c from Conversation c where c.groupId = :group")
@NamedQuery(
        name = Conversation.LOCK_ALL,
        query = "select c from Conversation c where c.id in :ids and exists (select m.id from ConversationMember m"
                + " where m.conversationId = c.id and m.accountId in :senders) order by c.id")
public class Conversation {

    public static final String BY_DIRECT_KEY = "Conversation.byDirectKey";
    public static final String BY_GROUP = "Conversation.byGroup";
    /**
     * Several conversations in id order, to be locked together (a send batch's): those that one
     * of the senders is in — naming someone else's conversation locks and reads nothing.
     */
    public static final String LOCK_ALL = "Conversation.lockAll";

    @Id
    @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ConversationKind kind;

    @Column(name = "direct_key", updatable = false, length = 41)
    private String directKey;

    @Column(name = "group_id", updatable = false)
    private Long groupId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_message_at")
    private LocalDateTime lastMessageAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected Conversation() {}

    private Conversation(ConversationKind kind, String directKey, Long groupId, LocalDateTime now) {
        this.kind = kind;
        this.directKey = directKey;
        this.groupId = groupId;
        this.createdAt = now;
    }

    public static Conversation direct(long a, long b, LocalDateTime now) {
        return new Conversation(ConversationKind.DIRECT, directKeyOf(a, b), null, now);
    }

    public static Conversation ofGroup(long groupId, LocalDateTime now) {
        return new Conversation(ConversationKind.GROUP, null, groupId, now);
    }

    public static String directKeyOf(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    /** Takes the next sequence number; call only with the row locked. */
    public long next(LocalDateTime now) {
        lastMessageAt = now;
        return ++lastSeq;
    }

    /** The other person of a direct conversation. */
    public long peerOf(long me) {
        String[] ids = directKey.split(":");
        long first = Long.parseLong(ids[0]);
        return first == me ? Long.parseLong(ids[1]) : first;
    }

    public Long id() {
        return id;
    }

    public ConversationKind kind() {
        return kind;
    }

    public Long groupId() {
        return groupId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** When something last happened here: the newest message, or the conversation's creation. */
    public LocalDateTime activityAt() {
        return lastMessageAt != null ? lastMessageAt : createdAt;
    }

    public LocalDateTime lastMessageAt() {
        return lastMessageAt;
    }
}

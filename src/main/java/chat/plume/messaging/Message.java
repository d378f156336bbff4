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
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A message at its place ({@code seq}) in a conversation. A recalled message keeps its place
 * but loses its text for good; an edited one keeps only its newest text.
 */
@Entity
@Table(name = "message")
@NamedQuery(
        name = Message.BY_CLIENT_IDS,
        query = "select m from Message m where m.clientMessageId in :clientIds and m.senderId in :senders")
@NamedQuery(
        name = Message.AT,
        query = "select m from Message m where m.conversationId = :conversation and m.seq = :seq")
@NamedQuery(
        name = Message.AFTER,
        query = "select m from Message m where m.conversationId = :conversation"
                + " and m.seq > :after order by m.conversationId asc, m.seq asc")
@NamedQuery(
        name = Message.BEFORE,
        query = "select m from Message m where m.conversationId = :conversation"
                + " and m.seq < :before order by m.conversationId desc, m.seq desc")
@NamedQuery(
        name = Message.VISIBLE_MEDIA,
        query = "select count(m) from Message m, ConversationMember p where m.mediaId = :media"
                + " and m.recalledAt is null and p.conversationId = m.conversationId and p.accountId = :account")
@NamedQuery(
        name = Message.SEARCH,
        query = "select m from Message m where m.conversationId in :conversations"
                + " and m.kind = chat.plume.messaging.MessageKind.TEXT and m.recalledAt is null"
                + " and lower(m.body) like :pattern escape '!' order by m.createdAt desc")
@NamedQuery(
        name = Message.SEARCH_MINE,
        query = "select m from Message m where m.conversationId in"
                + " (select cm.conversationId from ConversationMember cm where cm.accountId = :me)"
                + " and m.kind = chat.plume.messaging.MessageKind.TEXT and m.recalledAt is null"
                + " and lower(m.body) like :pattern escape '!' order by m.createdAt desc")
public class Message {

    /**
     * A send batch's earlier messages in one query: a superset of the (sender, client id) pairs
     * (each sender with each id), matched exactly by the caller; served by the unique key, which
     * leads with the client id (V22).
     */
    public static final String BY_CLIENT_IDS = "Message.byClientIds";

    public static final String AT = "Message.at";
    /**
     * Pages forward and backward. Both order by (conversation, seq) although the conversation is
     * fixed: only then does H2 read the page straight from an index in that order (the unique key
     * ascending, {@code ix_message_newest} descending) instead of sorting the whole conversation.
     */
    public static final String AFTER = "Message.after";

    public static final String BEFORE = "Message.before";
    public static final String SEARCH = "Message.search";
    /** Search in every conversation someone is in, without listing them first. */
    public static final String SEARCH_MINE = "Message.searchMine";

    public static final String VISIBLE_MEDIA = "Message.visibleMedia";

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "sender_id", updatable = false)
    private Long senderId;

    @Column(name = "client_message_id", updatable = false, length = 64)
    private String clientMessageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MessageKind kind;

    @Column(length = 10000)
    private String body;

    @Column(name = "reply_to_seq", updatable = false)
    private Long replyToSeq;

    @Column(length = 2000, updatable = false)
    private String mentions;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "edited_at")
    private LocalDateTime editedAt;

    @Column(name = "recalled_at")
    private LocalDateTime recalledAt;

    @Column(name = "recalled_by")
    private Long recalledBy;

    @Column(name = "media_id", updatable = false)
    private Long mediaId;

    @Column(name = "forwarded", nullable = false, updatable = false)
    private boolean forwarded;

    protected Message() {}

    public Message(
            long conversationId,
            long seq,
            Long senderId,
            String clientMessageId,
            MessageKind kind,
            String body,
            Long replyToSeq,
            String mentions,
            LocalDateTime now) {
        this.conversationId = conversationId;
        this.seq = seq;
        this.senderId = senderId;
        this.clientMessageId = clientMessageId;
        this.kind = kind;
        this.body = body;
        this.replyToSeq = replyToSeq;
        this.mentions = mentions;
        this.createdAt = now;
    }

    /** Attaches an uploaded image or file (only at creation). */
    public Message withMedia(long media) {
        this.mediaId = media;
        return this;
    }

    public Long mediaId() {
        return mediaId;
    }

    /** Marks a new message as a copy of another (转发; only at creation). */
    public Message asForwarded() {
        this.forwarded = true;
        return this;
    }

    public boolean isForwarded() {
        return forwarded;
    }

    /** Whether the message can be forwarded: text, an image or a file that has not been recalled. */
    public boolean isForwardable() {
        // A poll belongs to its conversation: a copy elsewhere would be a poll nobody there made.
        return !isRecalled() && !isWrittenByPlume() && kind != MessageKind.POLL;
    }

    /** A system notice or a call's entry: Plume wrote it, so nobody may recall or forward it. */
    public boolean isWrittenByPlume() {
        return kind == MessageKind.SYSTEM || kind == MessageKind.CALL;
    }

    /** A call's entry follows its call (ringing, answered, ended); not an edit by anyone. */
    public void recordCall(String newBody) {
        if (kind != MessageKind.CALL) {
            throw new IllegalStateException("Not a call entry");
        }
        this.body = newBody;
    }

    public void edit(String newBody, LocalDateTime now) {
        this.body = newBody;
        this.editedAt = now;
    }

    public void recall(long by, LocalDateTime now) {
        this.body = null;
        this.recalledAt = now;
        this.recalledBy = by;
    }

    public boolean isRecalled() {
        return recalledAt != null;
    }

    /** Whether {@code accountId} sent this message (system messages have no sender). */
    public boolean isSentBy(long accountId) {
        return senderId != null && senderId == accountId;
    }

    /**
     * Only the sender may edit, and only text of their own: an edited image or file would be a
     * different message, and an edited forward would no longer be what was forwarded.
     */
    public boolean isEditableBy(long accountId) {
        return kind == MessageKind.TEXT && isSentBy(accountId) && !forwarded;
    }

    /** Whether {@code now} is still within {@code window} of the message being sent. */
    public boolean isWithin(Duration window, LocalDateTime now) {
        return !now.isAfter(createdAt.plus(window));
    }

    public Long id() {
        return id;
    }

    public long conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public Long senderId() {
        return senderId;
    }

    public String clientMessageId() {
        return clientMessageId;
    }

    public MessageKind kind() {
        return kind;
    }

    public String body() {
        return body;
    }

    public Long replyToSeq() {
        return replyToSeq;
    }

    public String mentions() {
        return mentions;
    }

    /** Who this message @mentions. */
    public List<Long> mentionedIds() {
        return mentionIds(mentions);
    }

    /** The ids of a stored mention list (the send path joins them with commas; null: none). */
    public static List<Long> mentionIds(String mentions) {
        return mentions == null || mentions.isBlank()
                ? List.of()
                : Arrays.stream(mentions.split(",")).map(Long::valueOf).toList();
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime editedAt() {
        return editedAt;
    }

    public LocalDateTime recalledAt() {
        return recalledAt;
    }
}

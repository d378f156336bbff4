package chat.plume.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A person's place in a conversation: how far they have read (never moves backwards), and
 * whether they pinned or muted it. Its existence is what lets them read and write there: for a
 * group it follows the group membership, in the same transaction.
 */
@Entity
@Table(name = "conversation_member")
@NamedQuery(
        name = ConversationMember.ONE,
        query = "select m from ConversationMember m where m.conversationId = :conversation"
                + " and m.accountId = :account")
@NamedQuery(
        name = ConversationMember.OF_ACCOUNT,
        query = "select m from ConversationMember m where m.accountId = :account")
@NamedQuery(
        name = ConversationMember.ADVANCE_READ,
        query = "update ConversationMember m set m.readSeq = :seq"
                + " where m.conversationId = :conversation and m.accountId = :account and m.readSeq < :seq")
@NamedQuery(
        name = ConversationMember.ACCOUNTS_OF_ALL,
        query = "select m.conversationId, m.accountId from ConversationMember m"
                + " where m.conversationId in :conversations")
@NamedQuery(
        name = ConversationMember.ACCOUNTS,
        query = "select m.accountId from ConversationMember m" + " where m.conversationId = :conversation")
@NamedQuery(
        name = ConversationMember.REMOVE,
        query = "delete from ConversationMember m where m.conversationId = :conversation"
                + " and m.accountId = :account")
@NamedQuery(
        name = ConversationMember.READ_POSITIONS,
        query = "select m.readSeq, m.joinedAt from ConversationMember m"
                + " where m.conversationId = :conversation and m.accountId <> :viewer")
@NamedQuery(
        name = ConversationMember.READERS,
        query = "select m.accountId from ConversationMember m where m.conversationId = :conversation"
                + " and m.readSeq >= :seq and m.joinedAt <= :sentAt and m.accountId <> :sender"
                + " and m.accountId > :after order by m.accountId")
@NamedQuery(
        name = ConversationMember.READER_COUNT,
        query = "select count(m) from ConversationMember m where m.conversationId = :conversation"
                + " and m.readSeq >= :seq and m.joinedAt <= :sentAt and m.accountId <> :sender")
@NamedQuery(
        name = ConversationMember.MARK_MENTIONED,
        query = "update ConversationMember m set m.mentionedSeq = :seq where m.conversationId = :conversation"
                + " and m.accountId in :accounts and m.mentionedSeq < :seq")
@NamedQuery(
        name = ConversationMember.SET_MENTIONED,
        query = "update ConversationMember m set m.mentionedSeq = :seq where m.conversationId = :conversation"
                + " and m.accountId = :account and m.mentionedSeq = :recalled")
@NamedQuery(
        name = ConversationMember.REMOVE_ALL,
        query = "delete from ConversationMember m where m.conversationId = :conversation")
public class ConversationMember {

    public static final String ONE = "ConversationMember.one";
    public static final String OF_ACCOUNT = "ConversationMember.ofAccount";
    public static final String REMOVE = "ConversationMember.remove";
    /** Where everyone but the viewer has read to, and since when they are in, as values. */
    public static final String READ_POSITIONS = "ConversationMember.readPositions";
    /**
     * A page of who has read up to a message (by account id, after a key), and how many have: a
     * member who joined after the message did not read it, whatever their read position says.
     */
    public static final String READERS = "ConversationMember.readers";

    public static final String READER_COUNT = "ConversationMember.readerCount";
    /** Marks a message's mentions on the mentioned members' rows (forward only), in one statement. */
    public static final String MARK_MENTIONED = "ConversationMember.markMentioned";
    /**
     * Puts one member's mention marker back from a recalled mention, only if it still points at
     * it: a mention sent meanwhile (a send locks the conversation, a recall only the message) wins.
     */
    public static final String SET_MENTIONED = "ConversationMember.setMentioned";
    /** Everyone leaves, in one statement (a group of any size ends). */
    public static final String REMOVE_ALL = "ConversationMember.removeAll";
    /** Moves a read position forward in one statement, so that concurrent readers never move it back. */
    public static final String ADVANCE_READ = "ConversationMember.advanceRead";

    public static final String ACCOUNTS = "ConversationMember.accounts";
    /** (conversation, account) of every member of several conversations. */
    public static final String ACCOUNTS_OF_ALL = "ConversationMember.accountsOfAll";

    @Id
    @SequenceGenerator(name = "conversation_member_seq", sequenceName = "conversation_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_member_seq")
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "read_seq", nullable = false)
    private long readSeq;

    /**
     * The newest message that @mentions this member (0: none); above {@link #readSeq} it is an
     * unread mention. Moved by {@link #MARK_MENTIONED} in the send path, never through the entity.
     */
    @Column(name = "mentioned_seq", nullable = false)
    private long mentionedSeq;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean muted;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private LocalDateTime joinedAt;

    protected ConversationMember() {}

    public ConversationMember(long conversationId, long accountId, long readSeq, LocalDateTime now) {
        this.conversationId = conversationId;
        this.accountId = accountId;
        this.readSeq = readSeq;
        this.joinedAt = now;
    }

    public long conversationId() {
        return conversationId;
    }

    public long accountId() {
        return accountId;
    }

    public long readSeq() {
        return readSeq;
    }

    /** Whether an unread message @mentions this member. */
    public boolean mentionUnread() {
        return mentionedSeq > readSeq;
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean muted() {
        return muted;
    }

    public LocalDateTime joinedAt() {
        return joinedAt;
    }
}

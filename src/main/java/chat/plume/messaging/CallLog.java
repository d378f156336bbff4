package chat.plume.messaging;

import chat.plume.identity.boundary.DisplayNames;
import chat.plume.identity.boundary.Restrictions;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.Push;
import chat.plume.social.groups.ChatGroups;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What {@code calls} needs from a conversation, in the call's own transaction: who is in it and
 * who may call there, a lock that puts every call change of one conversation in one order (two
 * people calling each other at once become one call), and the call's entry in the conversation:
 * a message of kind {@code CALL} written when the call starts, with the next sequence number like
 * any message (so it counts as unread), and rewritten as the call goes on.
 */
@Stateless
public class CallLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    @Inject
    MessageViews views;

    @Inject
    Restrictions restrictions;

    @Inject
    ChatGroups groups;

    @Inject
    DisplayNames displayNames;

    @Inject
    Event<Push> push;

    /**
     * A conversation as a place to call.
     *
     * @param peer the other person of a direct conversation (null in a group)
     * @param groupId the group of a group conversation (null for a direct one)
     */
    public record Line(long conversationId, Long peer, Long groupId) {
        public boolean isGroup() {
            return groupId != null;
        }
    }

    /**
     * The conversation, locked until the transaction ends: call changes of one conversation happen
     * one after another, in the order of this lock. Refuses (403 {@code forbidden}) someone not in it.
     */
    public Line lock(long conversationId, long me) {
        conversations.require(conversationId, me);
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        return new Line(
                conversationId,
                conversation.kind() == ConversationKind.DIRECT ? conversation.peerOf(me) : null,
                conversation.groupId());
    }

    /** A group's conversation, if it has one (without making it). */
    public Optional<Long> conversationOfGroup(long groupId) {
        return em.createNamedQuery(Conversation.BY_GROUP, Conversation.class)
                .setParameter("group", groupId)
                .getResultStream()
                .findFirst()
                .map(Conversation::id);
    }

    /** Locks a conversation until the transaction ends (a call's own change, by nobody in particular). */
    public void lockConversation(long conversationId) {
        em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The conversation, without a lock; empty when {@code me} is not in it. */
    public Optional<Line> lineOf(long conversationId, long me) {
        if (conversations.participant(conversationId, me).isEmpty()) {
            return Optional.empty();
        }
        Conversation conversation = em.find(Conversation.class, conversationId);
        return Optional.of(new Line(
                conversationId,
                conversation.kind() == ConversationKind.DIRECT ? conversation.peerOf(me) : null,
                conversation.groupId()));
    }

    /**
     * Why {@code me} may not place (or answer) a call here, if they may not: banned or muted by an
     * administrator; in a direct conversation, not friends or blocked either way.
     */
    public Optional<PlumeException> callingRefusal(Line line, long me) {
        Optional<PlumeException> restricted = restrictions.sendingRefusal(me);
        if (restricted.isPresent() || line.isGroup()) {
            return restricted;
        }
        return conversations.talkingRefusal(me, line.peer());
    }

    /** Whether a member is muted in the group now (they may join a call, with their microphone off). */
    public boolean isSilenced(Line line, long me) {
        return line.isGroup() && groups.speakingRefusal(line.groupId(), me).isPresent();
    }

    /** Whether someone is the group's owner or an admin (they may end its call). */
    public boolean isManager(Line line, long me) {
        return line.isGroup() && access.isManager(em.find(Conversation.class, line.conversationId()), me);
    }

    /** Everyone in the conversation (whom a call's changes are told). */
    public List<Long> audience(long conversationId) {
        return access.recipients(conversationId);
    }

    /**
     * Writes the call's entry as the conversation's next message, sent by {@code by}, whose read
     * position moves past it; everyone in the conversation is pushed the message. The conversation
     * must be locked by {@link #lock} in this transaction. Returns its sequence number.
     */
    public long open(long conversationId, long by, String body) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        LocalDateTime now = Timestamps.now();
        long seq = conversation.next(now);
        Message message = new Message(conversationId, seq, by, null, MessageKind.CALL, body, null, null, now);
        em.persist(message);
        em.flush();
        em.createNamedQuery(ConversationMember.ADVANCE_READ)
                .setParameter("seq", seq)
                .setParameter("conversation", conversationId)
                .setParameter("account", by)
                .executeUpdate();
        MessagingViews.Message view = views.ofNew(message);
        if (conversation.kind() == ConversationKind.GROUP) {
            view = view.withSenderName(displayNames.of(by));
        }
        push.fire(Push.ordered(audience(conversationId), new MessagingFrames.NewMessage(view), conversationId, seq));
        return seq;
    }

    /** Rewrites the call's entry (the call was answered or ended); everyone sees it updated. */
    public void update(long conversationId, long seq, String body) {
        // Gone when retention removed it while the call went on (or purged): nothing to rewrite.
        Message message = em.createNamedQuery(Message.AT, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("seq", seq)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (message == null || message.kind() != MessageKind.CALL || message.isRecalled()) {
            return;
        }
        message.recordCall(body);
        access.announceUpdate(message);
    }
}

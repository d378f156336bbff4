package chat.plume.messaging;

import chat.plume.identity.boundary.DisplayNames;
import chat.plume.identity.boundary.Restrictions;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.Push;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What every action on a stored message needs, in the caller's transaction: finding the message
 * (locked when it will change), who may write and who manages a group chat, and telling the
 * conversation's participants that a message changed.
 */
@ApplicationScoped
public class MessageAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Restrictions restrictions;

    @Inject
    Conversations conversations;

    @Inject
    ChatGroups groups;

    @Inject
    MessageViews views;

    @Inject
    Event<Push> push;

    @Inject
    DisplayNames displayNames;

    /** The message at {@code seq}; {@code message_not_found} when there is none. */
    public Message at(long conversationId, long seq) {
        return em.createNamedQuery(Message.AT, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("seq", seq)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new MissingEntityException("message_not_found", "No such message."));
    }

    /** The message, locked: two changes of it (an edit, a recall, a reaction) cannot interleave. */
    public Message lockedAt(long conversationId, long seq) {
        return em.createNamedQuery(Message.AT, Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("seq", seq)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new MissingEntityException("message_not_found", "No such message."));
    }

    /**
     * Who may write in a conversation (edit, react, pin — sends have their own path in
     * {@link Sends}): not while banned or muted by an administrator; friends not blocked either
     * way; members of a group not muted.
     */
    public void requireMayWrite(Conversation conversation, long me) {
        Optional<PlumeException> restricted = restrictions.sendingRefusal(me);
        if (restricted.isPresent()) {
            throw restricted.get();
        }
        if (conversation.kind() == ConversationKind.DIRECT) {
            conversations.requireMayTalk(me, conversation.peerOf(me));
        } else {
            groups.requireMaySpeak(conversation.groupId(), me);
        }
    }

    /** Whether someone is the owner or an admin of a group conversation's group. */
    public boolean isManager(Conversation conversation, long accountId) {
        if (conversation.kind() != ConversationKind.GROUP) {
            return false;
        }
        GroupMember member = groups.membership(conversation.groupId(), accountId);
        return member != null && member.role().manages();
    }

    /** The message as the API shows it. */
    public MessagingViews.Message viewOf(Message message) {
        return views.of(message);
    }

    /** Tells every participant that a message changed ({@code message.updated}); returns its view. */
    public MessagingViews.Message announceUpdate(Message message) {
        MessagingViews.Message view = views.of(message);
        Conversation conversation = em.find(Conversation.class, message.conversationId());
        if (conversation.kind() == ConversationKind.GROUP && message.senderId() != null) {
            view = view.withSenderName(displayNames.of(message.senderId()));
        }
        push.fire(Push.to(recipients(message.conversationId()), new MessagingFrames.MessageUpdated(view)));
        return view;
    }

    /** Everyone a conversation's messages go to: its participants (ids only, no entities to track). */
    public List<Long> recipients(long conversationId) {
        return em.createNamedQuery(ConversationMember.ACCOUNTS, Long.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }
}

package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pinned messages (置顶消息): a few messages shown at the top of a chat. In a group the owner and
 * admins pin and unpin; in a direct chat either person does. Everyone in the chat gets the new
 * list ({@code pins}).
 */
@Stateless
public class PinnedMessages {

    /** Pins one chat may hold. */
    static final int LIMIT = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    @Inject
    MessageViews views;

    @Inject
    Event<Push> push;

    /** Pins ({@code on}) or unpins a message; returns the chat's pins as they are now. */
    public List<MessagingViews.Pin> pin(Caller caller, long conversationId, long seq, boolean on) {
        conversations.require(conversationId, caller.accountId());
        // Locked: two people pinning at once cannot pass the limit together.
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (conversation.kind() == ConversationKind.GROUP && !access.isManager(conversation, caller.accountId())) {
            throw new AccessDeniedException("not_admin", "Only the group's owner and admins can pin messages.");
        }
        // In a direct chat, only while the two may still write to each other (not blocked, still friends).
        access.requireMayWrite(conversation, caller.accountId());
        Message message = access.at(conversationId, seq);
        PinnedMessage existing = em.find(PinnedMessage.class, message.id());
        if (on && existing == null) {
            if (message.isRecalled() || message.isWrittenByPlume()) {
                throw new DuplicateEntityException("message_recalled", null, "This message cannot be pinned.");
            }
            long pinned = em.createNamedQuery(PinnedMessage.COUNT, Long.class)
                    .setParameter("conversation", conversationId)
                    .getSingleResult();
            if (pinned >= LIMIT) {
                throw new InvalidInputException(
                        "too_many_pins", "seq", "A chat holds at most " + LIMIT + " pinned messages; unpin one first.");
            }
            em.persist(new PinnedMessage(message.id(), conversationId, caller.accountId(), Timestamps.now()));
        } else if (!on && existing != null) {
            em.remove(existing);
        } else {
            return list(conversationId);
        }
        em.flush();
        List<MessagingViews.Pin> pins = list(conversationId);
        push.fire(Push.to(access.recipients(conversationId), new MessagingFrames.Pins(conversationId, pins)));
        return pins;
    }

    /** A recalled message leaves the pins (its text must not stay on show); everyone gets the new list. */
    public void unpinRecalled(Message message) {
        PinnedMessage pinned = em.find(PinnedMessage.class, message.id());
        if (pinned == null) {
            return;
        }
        em.remove(pinned);
        em.flush();
        long conversationId = message.conversationId();
        push.fire(Push.to(
                access.recipients(conversationId), new MessagingFrames.Pins(conversationId, list(conversationId))));
    }

    /** The chat's pins, the newest first, for someone in it: two queries (and one for media). */
    public List<MessagingViews.Pin> pins(Caller caller, long conversationId) {
        conversations.require(conversationId, caller.accountId());
        return list(conversationId);
    }

    private List<MessagingViews.Pin> list(long conversationId) {
        List<PinnedMessage> pinned = em.createNamedQuery(PinnedMessage.OF_CONVERSATION, PinnedMessage.class)
                .setParameter("conversation", conversationId)
                .setMaxResults(LIMIT)
                .getResultList();
        if (pinned.isEmpty()) {
            return List.of();
        }
        List<Message> messages = em.createQuery("select m from Message m where m.id in :ids", Message.class)
                .setParameter(
                        "ids", pinned.stream().map(PinnedMessage::messageId).toList())
                .getResultList();
        Map<Long, MessagingViews.Message> byId = views.all(messages, m -> null).stream()
                .collect(Collectors.toMap(MessagingViews.Message::id, Function.identity()));
        return pinned.stream()
                .filter(p -> byId.containsKey(p.messageId()))
                .map(p -> new MessagingViews.Pin(
                        byId.get(p.messageId()), p.pinnedBy(), Timestamps.toInstant(p.pinnedAt())))
                .toList();
    }
}

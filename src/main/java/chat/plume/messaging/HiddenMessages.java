package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * "Delete for me": a person removes a message from their own view of a chat, on all their
 * devices; the others keep it. Their history then shows the message's place (its sequence number,
 * so that no client takes it for a gap) and nothing of it.
 */
@Stateless
public class HiddenMessages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    @Inject
    Event<Push> push;

    /** Hides a message for the caller (again: nothing changes); their devices get {@code message.hidden}. */
    public void hide(Caller caller, long conversationId, long seq) {
        conversations.require(conversationId, caller.accountId());
        // Locked: two devices hiding it at once find each other's row rather than inserting twice.
        Message message = access.lockedAt(conversationId, seq);
        if (em.find(HiddenMessage.class, new HiddenMessage.Key(caller.accountId(), message.id())) == null) {
            em.persist(new HiddenMessage(caller.accountId(), message.id(), Timestamps.now()));
        }
        push.fire(Push.to(caller.accountId(), new MessagingFrames.MessageHidden(conversationId, seq)));
    }

    /** Which of these messages the reader has hidden, in one query. */
    public Set<Long> among(long readerId, List<Message> messages) {
        List<Long> ids = messages.stream().map(Message::id).toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createNamedQuery(HiddenMessage.AMONG, Long.class)
                .setParameter("account", readerId)
                .setParameter("messages", ids)
                .getResultList());
    }
}

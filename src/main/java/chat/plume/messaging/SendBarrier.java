package chat.plume.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Waits until every send by an account that was already being written has committed — the line
 * a ban or a mute draws, and what a purge must wait for before it looks for messages.
 *
 * <p>A send checks whether its sender may write while it holds its conversation's row lock, and
 * keeps that lock until it commits. So once a ban has committed, taking and releasing the lock of
 * each of the person's conversations in turn waits out every send that checked before the ban;
 * every send that checks afterwards is refused. One lock at a time, each in a transaction of its
 * own: the barrier never holds two locks, so it cannot deadlock with a batch of sends that locks
 * conversations in another order.
 */
@Stateless
public class SendBarrier {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** Returns once no send by the account that was accepted before this call is still uncommitted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int awaitSendsOf(long accountId) {
        List<Long> conversations = em.createQuery(
                        "select m.conversationId from ConversationMember m where m.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getResultList();
        SendBarrier self = context.getBusinessObject(SendBarrier.class);
        conversations.forEach(self::pass);
        return conversations.size();
    }

    /** Takes the conversation's lock (waiting for the sends that hold it) and lets it go at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void pass(long conversationId) {
        em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
    }
}

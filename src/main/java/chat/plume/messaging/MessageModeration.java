package chat.plume.messaging;

import chat.plume.platform.Timestamps;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an administrator does to messages: recall one (a report's decision) or everything one
 * person sent in a period (the spammer clean-up), for everyone and live — each recall is pushed like the sender's own. In
 * chunks of {@value #CHUNK}, each in a transaction of its own, so a spammer's ten thousand
 * messages neither hold locks for long nor need a huge transaction.
 */
@Stateless
public class MessageModeration {

    static final int CHUNK = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageAccess access;

    @Inject
    PinnedMessages pins;

    @Inject
    MentionMarkers mentionMarkers;

    @Resource
    SessionContext context;

    /** Recalls every message of {@code senderId} created in [from, to); returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int recallAllBy(long senderId, LocalDateTime from, LocalDateTime to, long moderatorId) {
        MessageModeration self = context.getBusinessObject(MessageModeration.class);
        int total = 0;
        for (int recalled; (recalled = self.recallChunk(senderId, from, to, moderatorId)) > 0; ) {
            total += recalled;
        }
        return total;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int recallChunk(long senderId, LocalDateTime from, LocalDateTime to, long moderatorId) {
        List<Message> chunk = em.createQuery(
                        "select m from Message m where m.senderId = :sender and m.createdAt >= :from"
                                + " and m.createdAt < :to and m.recalledAt is null"
                                + " and m.kind <> chat.plume.messaging.MessageKind.SYSTEM"
                                + " and m.kind <> chat.plume.messaging.MessageKind.CALL order by m.id",
                        Message.class)
                .setParameter("sender", senderId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(CHUNK)
                .getResultList();
        LocalDateTime now = Timestamps.now();
        for (Message message : chunk) {
            recallLocked(message.conversationId(), message.seq(), moderatorId, now);
        }
        return chunk.size();
    }

    /**
     * Recalls one message for everyone, live (a report's decision). False when it was recalled
     * already: by its sender, a group admin or another administrator, whose record stands.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean recall(long conversationId, long seq, long moderatorId) {
        return recallLocked(conversationId, seq, moderatorId, Timestamps.now());
    }

    private boolean recallLocked(long conversationId, long seq, long moderatorId, LocalDateTime now) {
        Message locked = access.lockedAt(conversationId, seq);
        if (locked.isRecalled()) {
            return false;
        }
        locked.recall(moderatorId, now);
        pins.unpinRecalled(locked);
        mentionMarkers.recalled(locked);
        access.announceUpdate(locked);
        return true;
    }
}

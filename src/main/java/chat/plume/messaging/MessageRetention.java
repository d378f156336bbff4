package chat.plume.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Message retention (off unless configured): messages created before a cutoff are deleted for
 * good, direct and group alike, with their reactions, pins and "deleted for me" marks, in chunks
 * of {@value #CHUNK}, each in a transaction of its own. A conversation keeps its numbering (its
 * last sequence number does not move), so clients resuming by sequence see a gap at the start of
 * history, never a renumbering; the uploads those messages carried are no longer served (nothing
 * visible refers to them) and the upload clean-up removes them after its grace period.
 */
@Stateless
public class MessageRetention {

    public static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /** Deletes up to {@value #CHUNK} messages created before {@code cutoff}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int removeChunkOlderThan(LocalDateTime cutoff) {
        List<Long> ids = em.createQuery(
                        "select m.id from Message m where m.createdAt < :cutoff order by m.id", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(CHUNK)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        for (String dependent : List.of("Reaction", "PinnedMessage", "HiddenMessage", "PollVote")) {
            em.createQuery("delete from " + dependent + " d where d.messageId in :ids")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return em.createQuery("delete from Message m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.control.SignInThrottle;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The clean-up job's part in identity: sessions that ended (expired or revoked) before a cutoff
 * are deleted in chunks (and so are mailed links that ended before it) — the ones that ended since stay, for a person's device history — and
 * the sign-in throttle forgets its finished windows.
 */
@Stateless
public class SessionCleanup {

    public static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    SignInThrottle throttle;

    /** Deletes up to {@value #CHUNK} sessions that ended before {@code cutoff}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int removeChunkEndedBefore(LocalDateTime cutoff) {
        List<Long> ids = em.createQuery(
                        "select s.id from AuthSession s where s.expiresAt < :cutoff or s.revokedAt < :cutoff"
                                + " order by s.id",
                        Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(CHUNK)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from AuthSession s where s.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Deletes up to {@value #CHUNK} mailed links that ended before {@code cutoff}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int removeLinksEndedBefore(LocalDateTime cutoff) {
        List<Long> ids = em.createQuery(
                        "select l.id from AccountLink l where l.expiresAt < :cutoff order by l.id", Long.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(CHUNK)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from AccountLink l where l.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** This node's finished sign-in windows forgotten (they live in memory); returns how many. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sweepSignInWindows() {
        return throttle.sweep();
    }
}

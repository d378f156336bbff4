package chat.plume.calls;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Figures about calls for operators: the metrics and the admin dashboard. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CallStatistics {

    @PersistenceContext
    EntityManager em;

    /** Calls ringing or in progress now, on every node (counted in the database, by its unique key). */
    public long live() {
        return em.createNamedQuery(Call.LIVE_COUNT, Long.class).getSingleResult();
    }
}

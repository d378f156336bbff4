package chat.plume.platform.jobs;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Leases on jobs, each change in a transaction of its own that commits at once. Taking one is a
 * single UPDATE that matches only a free or lapsed lease: the database's row lock makes it atomic,
 * so of two nodes (or two timers of one node) that try together, exactly one changes the row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobLeases {

    @PersistenceContext
    EntityManager em;

    /** Takes the lease of {@code job} for {@code holder} for {@code length}; false if someone else holds it. */
    public boolean take(String job, String holder, Duration length) {
        LocalDateTime now = Timestamps.now();
        return em.createNamedQuery(JobLease.TAKE)
                        .setParameter("holder", holder)
                        .setParameter("until", now.plus(length))
                        .setParameter("name", job)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    /** Extends a lease its holder still has; false if it lapsed and was taken by someone else. */
    public boolean renew(String job, String holder, Duration length) {
        return em.createNamedQuery(JobLease.RENEW)
                        .setParameter("until", Timestamps.now().plus(length))
                        .setParameter("name", job)
                        .setParameter("holder", holder)
                        .executeUpdate()
                == 1;
    }

    /** Gives a lease back (nothing happens if it is no longer the holder's). */
    public void giveBack(String job, String holder) {
        em.createNamedQuery(JobLease.GIVE_BACK)
                .setParameter("now", Timestamps.now())
                .setParameter("name", job)
                .setParameter("holder", holder)
                .executeUpdate();
    }

    /** Who holds a job's lease now, if anyone does. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> holderOf(String job) {
        JobLease lease = em.find(JobLease.class, job);
        if (lease == null || lease.holder() == null || lease.leaseUntil().isBefore(Timestamps.now())) {
            return Optional.empty();
        }
        return Optional.of(lease.holder());
    }
}

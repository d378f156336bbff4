package chat.plume.platform.jobs;

import chat.plume.platform.LikePattern;
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

    /**
     * Takes the lease as {@link #take} does, and only if no run of the job started within
     * {@code period}: a timer of the same hourly slot firing late on another node (clocks differ
     * by seconds, a pause) finds the job done, not due.
     */
    public boolean takeIfDue(String job, String holder, Duration length, Duration period) {
        LocalDateTime now = Timestamps.now();
        return em.createNamedQuery(JobLease.TAKE_IF_DUE)
                        .setParameter("holder", holder)
                        .setParameter("until", now.plus(length))
                        .setParameter("name", job)
                        .setParameter("now", now)
                        .setParameter("due", now.minus(period))
                        .executeUpdate()
                == 1;
    }

    /** Where the job's last run stopped (0: at the start). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long cursor(String job) {
        JobLease lease = em.find(JobLease.class, job);
        return lease == null ? 0 : lease.cursorPosition();
    }

    /** Keeps where this run stopped, for the next one (only while the lease is the holder's). */
    public void moveCursor(String job, String holder, long cursor) {
        em.createNamedQuery(JobLease.MOVE_CURSOR)
                .setParameter("cursor", cursor)
                .setParameter("name", job)
                .setParameter("holder", holder)
                .executeUpdate();
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

    /**
     * Gives back a lease held by an earlier life of this node ({@code node}: its name): a node
     * killed mid-run left it held, and nobody else holds leases under its name. Called as the
     * node starts, so its work goes on at once rather than after the lease lapses.
     */
    public void giveBackLeftBy(String job, String node) {
        em.createNamedQuery(JobLease.GIVE_BACK_OF_NODE)
                .setParameter("now", Timestamps.now())
                .setParameter("name", job)
                .setParameter("node", LikePattern.startingWith(node + "/"))
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

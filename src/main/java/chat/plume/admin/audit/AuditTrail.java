package chat.plume.admin.audit;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The audit log: append (in the caller's transaction, so an action and its row commit together
 * or not at all), list, export and verify. Nothing here updates or deletes a row.
 */
@Stateless
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    /** Rows read per query when verifying or exporting: memory stays bounded whatever the log's length. */
    static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /** What {@link #verify} found: every row checked and intact, or the first broken one and why. */
    public record Verification(boolean intact, long checked, Long brokenAt, String problem) {}

    /**
     * Takes the chain's lock for the rest of the caller's transaction. Administrators' actions
     * take it first, before touching what they act on, so that they run one at a time everywhere
     * and always lock in the same order.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lock() {
        head();
    }

    /** Appends a row at the chain's end, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long append(AuditEntry entry) {
        AuditHead head = head();
        long position = head.lastPosition() + 1;
        LocalDateTime at = AuditChain.stamp(Timestamps.now());
        String hash = AuditChain.hash(head.lastHash(), position, at, entry);
        // at is to the millisecond, which at_millis keeps exactly (AuditEvent).
        em.persist(new AuditEvent(position, at, entry, head.lastHash(), hash));
        head.advance(position, hash);
        return position;
    }

    /** Appends a row in a transaction of its own (for events no transaction of an action covers). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long appendAlone(AuditEntry entry) {
        return append(entry);
    }

    /** One page, newest first: rows matching the filter before position {@code before}. */
    public List<AuditView> page(AuditFilter filter, long before, int size) {
        return query(filter, before)
                .setMaxResults(size)
                .getResultStream()
                .map(AuditView::of)
                .toList();
    }

    /** Every matching row, newest first, handed over in chunks (for the CSV export); no long transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void each(AuditFilter filter, Consumer<AuditView> sink) {
        long before = Long.MAX_VALUE;
        while (true) {
            List<AuditEvent> chunk = query(filter, before).setMaxResults(CHUNK).getResultList();
            chunk.forEach(e -> sink.accept(AuditView.of(e)));
            if (chunk.size() < CHUNK) {
                return;
            }
            before = chunk.get(chunk.size() - 1).position();
            em.clear();
        }
    }

    /**
     * Walks the chain from its first row up to the head as it was when the walk began (rows
     * appended meanwhile are not half-seen): positions must run 1, 2, 3 … without a gap, each row
     * must name the hash of the row before and hash to its own, and the last must be the head's.
     * Reads in chunks, without a transaction: the log may be long.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head == null) {
            return broken(1, 0, "the chain's head row is missing");
        }
        long last = head.lastPosition();
        String lastHash = head.lastHash();
        String previous = AuditChain.GENESIS;
        long expected = 1;
        while (expected <= last) {
            List<AuditEvent> chunk = em.createQuery(
                            "select e from AuditEvent e where e.position >= :from and e.position <= :last"
                                    + " order by e.position",
                            AuditEvent.class)
                    .setParameter("from", expected)
                    .setParameter("last", last)
                    .setMaxResults(CHUNK)
                    .getResultList();
            if (chunk.isEmpty()) {
                break;
            }
            for (AuditEvent e : chunk) {
                if (e.position() != expected) {
                    return broken(expected, expected - 1, "row " + expected + " is missing");
                }
                if (!e.previousHash().equals(previous)) {
                    return broken(e.position(), expected - 1, "it does not follow the row before it");
                }
                if (!AuditChain.hash(previous, e.position(), e.hashedAt(), e.entry())
                        .equals(e.hash())) {
                    return broken(e.position(), expected - 1, "its content does not match its hash");
                }
                previous = e.hash();
                expected++;
            }
            em.clear();
        }
        if (expected <= last) {
            return broken(expected, expected - 1, "rows after " + (expected - 1) + " are missing");
        }
        if (!lastHash.equals(previous)) {
            return broken(last, last - 1, "it is not the row the chain's head names");
        }
        // The head's hash in the server log: a copy outside the database to compare later.
        LOG.info(() -> "Audit chain intact: " + last + " rows, head " + lastHash);
        return new Verification(true, last, null, null);
    }

    private static Verification broken(long at, long checked, String problem) {
        return new Verification(false, checked, at, problem);
    }

    private TypedQuery<AuditEvent> query(AuditFilter filter, long before) {
        AuditFilter.Query q = filter.where(before);
        TypedQuery<AuditEvent> query = em.createQuery(
                "select e from AuditEvent e" + q.where() + " order by e.position desc", AuditEvent.class);
        q.parameters().forEach(query::setParameter);
        return query;
    }

    private AuditHead head() {
        return em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }
}

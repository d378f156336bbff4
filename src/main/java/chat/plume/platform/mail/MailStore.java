package chat.plume.platform.mail;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;

/** The sender's reads and writes of the outbox, each committed at once (the sending itself holds no transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailStore {

    /** A mail to send: its row and what to send. */
    public record Due(long id, int attempts, Mail mail) {}

    @PersistenceContext
    EntityManager em;

    public List<Due> due(int limit) {
        return em.createNamedQuery(OutboxMail.DUE, OutboxMail.class)
                .setParameter("pending", OutboxMail.Status.PENDING)
                .setParameter("now", Timestamps.now())
                .setMaxResults(limit)
                .getResultStream()
                .map(m -> new Due(m.id(), m.attempts(), m.mail()))
                .toList();
    }

    public void sent(long id) {
        em.find(OutboxMail.class, id).sent(Timestamps.now());
    }

    /** A failed attempt: tried again after {@code wait}, or given up on when it is null. */
    public void failed(long id, String error, Duration wait) {
        em.find(OutboxMail.class, id).failed(error, wait, Timestamps.now());
    }

    /** Forgets mails finished (sent or given up) longer ago than {@code age}. */
    public int purge(Duration age) {
        return em.createNamedQuery(OutboxMail.PURGE)
                .setParameter("pending", OutboxMail.Status.PENDING)
                .setParameter("before", Timestamps.now().minus(age))
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(OutboxMail.Status status) {
        return em.createNamedQuery(OutboxMail.COUNT_BY_STATUS, Long.class)
                .setParameter("status", status)
                .getSingleResult();
    }
}

package chat.plume.bots.assistant;

import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** The assistant's reminders: set (at most {@value #PENDING_MAX} waiting per person), found when due, marked fired. */
@Stateless
public class Reminders {

    static final int PENDING_MAX = 50;

    /** A reminder to say now. */
    public record Due(long id, long conversationId, String body) {}

    @PersistenceContext
    EntityManager em;

    /** Sets a reminder {@code in} from now; 409 {@code too_many_reminders} past the limit. Returns when it is due. */
    public LocalDateTime set(long accountId, long conversationId, Duration in, String body) {
        long pending = em.createNamedQuery(Reminder.PENDING_OF, Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
        if (pending >= PENDING_MAX) {
            throw new ConflictException(
                    "too_many_reminders", "You have " + PENDING_MAX + " reminders waiting already.");
        }
        LocalDateTime now = Timestamps.now();
        Reminder reminder = new Reminder(accountId, conversationId, body, now.plus(in), now);
        em.persist(reminder);
        return reminder.dueAt();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Due> due(int limit) {
        return em.createNamedQuery(Reminder.DUE, Reminder.class)
                .setParameter("now", Timestamps.now())
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new Due(r.id(), r.conversationId(), r.body()))
                .toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fired(long id) {
        em.find(Reminder.class, id).fired(Timestamps.now());
    }
}

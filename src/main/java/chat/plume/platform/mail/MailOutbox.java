package chat.plume.platform.mail;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Where features put mail: in the caller's transaction, so the mail exists exactly when what it
 * tells of has committed. Nothing is sent here; {@link MailDelivery} sends after the commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Event<MailQueued> queued;

    /** Whether mail can be sent at all (a mail server is configured). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean available() {
        return settings.enabled();
    }

    /** Puts a mail in the outbox; does nothing when mail is off (callers that need it ask {@link #available}). */
    public void put(Mail mail) {
        if (!settings.enabled()) {
            return;
        }
        OutboxMail row = new OutboxMail(mail, Timestamps.now());
        em.persist(row);
        em.flush();
        queued.fire(new MailQueued(row.id()));
    }

    /** Puts a mail in the outbox in a transaction of its own (for a caller outside one). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void putAlone(Mail mail) {
        put(mail);
    }

    /** A link into the page, at the configured public address. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String link(String path) {
        return settings.link(path);
    }
}

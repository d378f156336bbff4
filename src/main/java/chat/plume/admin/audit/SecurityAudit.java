package chat.plume.admin.audit;

import chat.plume.identity.boundary.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records identity's security events in the audit log, each in a transaction of its own: a
 * sign-in locked after repeated failures happens in a request whose own work is refused, and is
 * worth recording all the same. Plume itself is the actor ({@code actor} empty); the account is the
 * target.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger LOG = Logger.getLogger(SecurityAudit.class.getName());

    @Inject
    AuditTrail trail;

    void record(@Observes SecurityEvent event) {
        try {
            trail.appendAlone(AuditEntry.system(
                    event.action(),
                    "account",
                    event.accountId(),
                    event.username(),
                    event.detail(),
                    event.clientAddress()));
        } catch (RuntimeException e) {
            // The audit row must not turn a refusal into a failure of another kind.
            LOG.log(Level.WARNING, "Could not record " + event.action() + " in the audit log", e);
        }
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.Role;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.PlumeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an account may write at all, whatever the conversation: not while banned or muted by
 * an administrator, nor, where the deployment requires it, before the email address is verified. Asked by every send in the send's own transaction, after the conversation's
 * row lock, so a ban or mute that has committed refuses every send stored after it. The account
 * is read once per transaction (the persistence context keeps it), so a batch of sends by one
 * person costs one read.
 */
@ApplicationScoped
public class Restrictions {

    @PersistenceContext
    EntityManager em;

    @Inject
    IdentitySettings settings;

    /**
     * {@link #sendingRefusal} for several accounts, their rows read in one query (a send batch's
     * senders) rather than one each.
     */
    public Map<Long, Optional<PlumeException>> sendingRefusals(Collection<Long> accountIds) {
        if (accountIds.size() > 1) {
            // Into the persistence context: each sendingRefusal below finds its account there.
            em.createQuery("select a from Account a where a.id in :ids", Account.class)
                    .setParameter("ids", accountIds)
                    .getResultList();
        }
        Map<Long, Optional<PlumeException>> refusals = new HashMap<>();
        accountIds.forEach(id -> refusals.put(id, sendingRefusal(id)));
        return refusals;
    }

    /** The refusal for a send by this account, if any: {@code account_banned} or {@code account_muted}. */
    public Optional<PlumeException> sendingRefusal(long accountId) {
        Account account = em.find(Account.class, accountId);
        LocalDateTime now = Timestamps.now();
        if (account == null || account.isBannedAt(now)) {
            return Optional.of(new AccessDeniedException("account_banned", "This account is suspended."));
        }
        if (settings.requireVerifiedEmail()
                && account.email() == null
                && account.role() != Role.ADMIN
                && !account.isBot()) {
            return Optional.of(new AccessDeniedException(
                    "email_unverified", "Verify your email address first: open the link mailed to you."));
        }
        if (account.isMutedAt(now)) {
            return Optional.of(new AccessDeniedException(
                    "account_muted", "An administrator muted you until " + account.mutedUntil(now) + " UTC."));
        }
        return Optional.empty();
    }
}

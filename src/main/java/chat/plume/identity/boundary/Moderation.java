package chat.plume.identity.boundary;

import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.Role;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * What an administrator does to an account: ban and unban, mute and unmute everywhere, sign out
 * one session or all, grant and revoke the admin role. The rules are identity's: nobody moderates
 * themself, and the last administrator stays one (not banned, not demoted). Every method runs in
 * the caller's transaction ({@code MANDATORY}): the admin console appends its audit row in the
 * same one, after taking the audit log's lock, which also serializes every moderation — two
 * administrators demoting each other at once cannot leave none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Moderation {

    private static final Logger LOG = Logger.getLogger(Moderation.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    PasswordResets passwordResets;

    @Inject
    Event<RoleChanged> roleChanged;

    /** Who was moderated, for the audit log. */
    public record Target(long id, String username) {}

    /**
     * Bans until a time ({@code null}: without end), revokes every session (their pages are told
     * {@code banned}) and refuses sign-in until then. Banning again replaces the end and reason.
     */
    public Target ban(Caller actor, long accountId, Instant until, String reason) {
        Account account = target(actor, accountId);
        if (account.role() == Role.ADMIN) {
            requireAnotherAdmin();
        }
        account.ban(until == null ? Account.PERMANENTLY : future(until, "until"), reason);
        sessions.revokeAllExcept(accountId, -1, SessionsRevoked.BANNED);
        LOG.info(() -> "Account " + accountId + " banned by account " + actor.accountId());
        return of(account);
    }

    public Target unban(Caller actor, long accountId) {
        Account account = target(actor, accountId);
        account.unban();
        return of(account);
    }

    /** Mutes everywhere until a time: the person reads but cannot send. */
    public Target mute(Caller actor, long accountId, Instant until) {
        Account account = target(actor, accountId);
        if (until == null) {
            throw new InvalidInputException("invalid_input", "until", "A mute needs an end time.");
        }
        account.mute(future(until, "until"));
        return of(account);
    }

    public Target unmute(Caller actor, long accountId) {
        Account account = target(actor, accountId);
        account.unmute();
        return of(account);
    }

    /** Ends one session of the account ({@code sessionId}), or all of them ({@code null}). */
    public Target signOut(Caller actor, long accountId, Long sessionId) {
        Account account = target(actor, accountId);
        if (sessionId == null) {
            sessions.revokeAllExcept(accountId, -1, SessionsRevoked.SIGNED_OUT);
        } else if (!sessions.revoke(accountId, sessionId)) {
            throw new MissingEntityException("session_not_found", "No such live session of this account.");
        }
        return of(account);
    }

    /** Mails the account a password-reset link (to its verified address); the audit row says where, masked. */
    public Target sendPasswordReset(Caller actor, long accountId) {
        Account account = target(actor, accountId);
        passwordResets.sendFor(accountId);
        LOG.info(() -> "A password-reset link for account " + accountId + " was sent by account " + actor.accountId());
        return of(account);
    }

    /** Grants or revokes the admin role; the last administrator cannot be demoted. */
    public Target setRole(Caller actor, long accountId, Role role) {
        Account account = target(actor, accountId);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin();
        }
        if (role == Role.ADMIN && account.isBannedAt(Timestamps.now())) {
            throw new ConflictException("account_banned", "Unban this account before making it an administrator.");
        }
        account.grant(role);
        roleChanged.fire(new RoleChanged(accountId));
        return of(account);
    }

    private Account target(Caller actor, long accountId) {
        if (actor.accountId() == accountId) {
            throw new AccessDeniedException("cannot_moderate_self", "Administrators cannot moderate themselves.");
        }
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        return account;
    }

    /** Another administrator who is not banned must remain. */
    private void requireAnotherAdmin() {
        LocalDateTime now = Timestamps.now();
        long usable = em.createNamedQuery(Account.ADMINS, Account.class)
                .setParameter("role", Role.ADMIN)
                .getResultStream()
                .filter(a -> !a.isBannedAt(now))
                .count();
        if (usable <= 1) {
            throw new ConflictException("last_admin", "Plume needs at least one administrator.");
        }
    }

    private static LocalDateTime future(Instant until, String field) {
        LocalDateTime at = LocalDateTime.ofInstant(until, ZoneOffset.UTC);
        if (!at.isAfter(Timestamps.now())) {
            throw new InvalidInputException("invalid_input", field, "The end must be in the future.");
        }
        if (!at.isBefore(Account.PERMANENTLY)) {
            throw new InvalidInputException("invalid_input", field, "The end must be before the year 9999.");
        }
        return at;
    }

    private static Target of(Account account) {
        return new Target(account.id(), account.username());
    }
}

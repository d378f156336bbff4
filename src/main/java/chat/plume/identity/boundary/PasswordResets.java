package chat.plume.identity.boundary;

import chat.plume.identity.control.AccountMails;
import chat.plume.identity.control.AttemptWindows;
import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.control.PasswordHasher;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.AccountLink;
import chat.plume.identity.entity.LinkPurpose;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.mail.MailOutbox;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forgotten passwords: a single-use link mailed to the account's verified address, asked for by
 * username or address with the same answer whether or not such an account exists; opening it
 * sets a new password, ends every session and tells the person by mail. An administrator can
 * send the link too.
 */
@Stateless
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLinks links;

    @Inject
    MailOutbox outbox;

    @Inject
    PasswordHasher hasher;

    @Inject
    Sessions sessions;

    @Inject
    @LinkMails
    AttemptWindows linkMails;

    @Inject
    @ResetRequests
    AttemptWindows resetRequests;

    @Resource
    SessionContext context;

    /**
     * Mails a reset link if {@code login} (a username or a verified address) names an account that
     * has a verified address. Says nothing about whether it does: the caller gets the same answer,
     * after the same work, either way. Throttled per client address (429) and, silently, per account.
     */
    public void request(String login, String clientAddress, String language) {
        EmailAddresses.requireMail(outbox);
        resetRequests.reserve(clientAddress);
        String clean = login.strip();
        Optional<Account> found =
                clean.contains("@") ? EmailAddresses.byEmail(em, clean) : Accounts.byKey(em, Account.keyOf(clean));
        found.filter(a -> a.email() != null && !a.isBot() && !a.isBannedAt(Timestamps.now()))
                .filter(a -> withinMailLimit(a.id()))
                .ifPresent(a -> sendLink(a, language));
    }

    /** An administrator's reset link for an account; 409 {@code no_verified_email} without an address. */
    public String sendFor(long accountId) {
        EmailAddresses.requireMail(outbox);
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        if (account.email() == null) {
            throw new ConflictException("no_verified_email", "This account has no verified email address.");
        }
        sendLink(account, null);
        return EmailAddresses.masked(account.email());
    }

    /**
     * Sets a new password with a reset link and ends every session of the account. Runs without a
     * transaction of its own: the link is checked first (a made-up token costs no password hash),
     * then the hash is made holding no pooled connection, then {@link #apply} writes it all.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void complete(String token, String newPassword, String clientAddress) {
        resetRequests.reserve(clientAddress);
        AccountLink link = links.peek(token, LinkPurpose.RESET_PASSWORD);
        Account account = em.find(Account.class, link.accountId());
        if (newPassword.equalsIgnoreCase(account.username())) {
            throw new InvalidInputException(
                    "password_is_username", "newPassword", "The password must not be the username.");
        }
        String hash = hasher.hash(newPassword);
        context.getBusinessObject(PasswordResets.class).apply(token, hash);
        resetRequests.refund(clientAddress);
    }

    /** Only {@link #complete} calls it: uses the link, sets the hash, ends sessions and links, tells the person. */
    public void apply(String token, String hash) {
        AccountLink link = links.redeem(token, LinkPurpose.RESET_PASSWORD);
        Account account = em.find(Account.class, link.accountId(), LockModeType.PESSIMISTIC_WRITE);
        account.changePassword(hash, Timestamps.now());
        links.endAll(account.id(), LinkPurpose.RESET_PASSWORD);
        sessions.revokeAllExcept(account.id(), -1, SessionsRevoked.PASSWORD_RESET);
        passwordChanged(account);
        LOG.info(() -> "Account " + account.id() + " reset its password with a mailed link");
    }

    /** Tells the person their password changed (after a reset, or a change from the profile). */
    public void passwordChanged(Account account) {
        if (account.email() == null) {
            return;
        }
        outbox.put(AccountMails.compose(
                AccountMails.PASSWORD_CHANGED,
                account.email(),
                account.mailLanguage(),
                outbox.link("/#/forgot-password"),
                Map.of("name", account.displayName(), "username", account.username())));
    }

    private boolean withinMailLimit(long accountId) {
        try {
            linkMails.reserve(EmailAddresses.mailKey(accountId));
            return true;
        } catch (RateLimitedException e) {
            // Saying so would tell the caller that the account exists.
            return false;
        }
    }

    private void sendLink(Account account, String language) {
        String token = links.issue(account.id(), LinkPurpose.RESET_PASSWORD, null, IdentitySettings.RESET_LINK_LIFE);
        // The account's own language: the request may come from anyone.
        String written = account.mailLanguage() != null ? account.mailLanguage() : language;
        outbox.put(AccountMails.compose(
                AccountMails.PASSWORD_RESET,
                account.email(),
                written,
                outbox.link("/#/reset-password/" + token),
                Map.of(
                        "name", account.displayName(),
                        "username", account.username(),
                        "minutes", Long.toString(IdentitySettings.RESET_LINK_LIFE.toMinutes()))));
        LOG.info(() -> "A password-reset link was mailed for account " + account.id());
    }
}

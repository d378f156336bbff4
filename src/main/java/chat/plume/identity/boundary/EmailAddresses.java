package chat.plume.identity.boundary;

import chat.plume.identity.control.AccountMails;
import chat.plume.identity.control.AttemptWindows;
import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.AccountLink;
import chat.plume.identity.entity.LinkPurpose;
import chat.plume.platform.Constraints;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.UnavailableException;
import chat.plume.platform.mail.MailOutbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A person's email address: added unverified, verified by opening the single-use link mailed to
 * it, replaced the same way (the old address is told), removed. A verified address belongs to
 * one account (the database's unique key decides between two that verify it at once).
 */
@Stateless
public class EmailAddresses {

    private static final Logger LOG = Logger.getLogger(EmailAddresses.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLinks links;

    @Inject
    MailOutbox outbox;

    @Inject
    @LinkMails
    AttemptWindows linkMails;

    /** Mails a link to {@code address}; it becomes the account's once the link is opened. */
    public OwnProfile request(Caller caller, String address, String language) {
        // A bot has no password to recover: an address would be a way to give it one.
        caller.refuseBot();
        Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
        String clean = address.strip();
        if (clean.equalsIgnoreCase(account.email())) {
            throw new InvalidInputException("email_unchanged", "email", "This is already your verified address.");
        }
        sendVerification(account, clean, language);
        return OwnProfile.of(account);
    }

    /**
     * Mails the link that verifies {@code address}, in {@code language} (null: the account's, or
     * English); also used at sign-up.
     */
    public void sendVerification(Account account, String address, String language) {
        requireMail(outbox);
        linkMails.reserve(mailKey(account.id()));
        // Per mailbox too: many accounts must not be able to flood one address.
        linkMails.reserve("to:" + Account.emailKeyOf(address));
        account.awaitEmail(address);
        if (language != null) {
            account.writeMailIn(language);
        }
        String token = links.issue(account.id(), LinkPurpose.VERIFY_EMAIL, address, IdentitySettings.VERIFY_LINK_LIFE);
        outbox.put(AccountMails.compose(
                AccountMails.VERIFY_EMAIL,
                address,
                account.mailLanguage(),
                outbox.link("/#/verify-email/" + token),
                Map.of(
                        "name", account.displayName(),
                        "username", account.username(),
                        "address", address,
                        "hours", Long.toString(IdentitySettings.VERIFY_LINK_LIFE.toHours()))));
        LOG.info(() -> "Account " + account.id() + " asked to verify an address");
    }

    /** Opens a verification link: the address becomes the account's; 409 {@code email_taken} if another has it. */
    public String verify(String token) {
        AccountLink link = links.redeem(token, LinkPurpose.VERIFY_EMAIL);
        Account account = em.find(Account.class, link.accountId(), LockModeType.PESSIMISTIC_WRITE);
        String address = link.email();
        Optional<Account> holder = byEmail(em, address).filter(a -> !a.id().equals(account.id()));
        if (holder.isPresent()) {
            throw taken();
        }
        String before = account.verifiedEmail(address);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isIntegrityViolation(e)) {
                throw taken();
            }
            throw e;
        }
        if (before != null && !before.equalsIgnoreCase(address)) {
            outbox.put(AccountMails.compose(
                    AccountMails.EMAIL_CHANGED,
                    before,
                    account.mailLanguage(),
                    null,
                    Map.of(
                            "name", account.displayName(),
                            "username", account.username(),
                            "address", masked(address))));
        }
        LOG.info(() -> "Account " + account.id() + " verified its address");
        return address;
    }

    /** Removes the address (verified or waiting) and ends its links. */
    public OwnProfile remove(Caller caller) {
        Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
        account.removeEmail();
        links.endAll(account.id(), LinkPurpose.VERIFY_EMAIL);
        return OwnProfile.of(account);
    }

    static Optional<Account> byEmail(EntityManager em, String address) {
        return em.createNamedQuery(Account.BY_EMAIL_KEY, Account.class)
                .setParameter("key", Account.emailKeyOf(address.strip()))
                .getResultStream()
                .findFirst();
    }

    static String mailKey(long accountId) {
        return "account:" + accountId;
    }

    /** 503 {@code mail_unavailable} when no mail server is configured. */
    static void requireMail(MailOutbox outbox) {
        if (!outbox.available()) {
            throw new UnavailableException("mail_unavailable", "This server sends no mail: ask its administrator.");
        }
    }

    /** {@code alice@example.com} as {@code a***@example.com}: the old mailbox learns the domain, not the address. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    private static DuplicateEntityException taken() {
        return new DuplicateEntityException(
                "email_taken", "email", "This address is already verified for another account.");
    }
}

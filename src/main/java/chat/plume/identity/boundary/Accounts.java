package chat.plume.identity.boundary;

import chat.plume.identity.control.AttemptWindows;
import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.control.PasswordHasher;
import chat.plume.identity.control.SessionTokens;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.Gender;
import chat.plume.identity.entity.Role;
import chat.plume.platform.Constraints;
import chat.plume.platform.LikePattern;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.AccountRegistered;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Accounts: registration, one's own profile and password, other people's public profiles, search. */
@Stateless
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DisplayNames displayNames;

    @Inject
    PasswordHasher hasher;

    @Inject
    Sessions sessions;

    @Inject
    @Registrations
    AttemptWindows registrations;

    @Inject
    Event<AccountRegistered> registered;

    @Inject
    IdentitySettings settings;

    @Inject
    EmailAddresses emailAddresses;

    @Inject
    PasswordResets passwordResets;

    /** Creates an account whose mail (if any) is written in English. */
    public OwnProfile register(RegistrationRequest request, String clientAddress) {
        return register(request, clientAddress, null);
    }

    /**
     * Creates an account; each client address may create a limited number per hour. An address
     * given (required where the deployment requires verified addresses) is mailed its link.
     */
    public OwnProfile register(RegistrationRequest request, String clientAddress, String language) {
        if (settings.requireVerifiedEmail() && request.email() == null) {
            throw new InvalidInputException(
                    "email_required", "email", "An email address is required: a link to verify it is mailed to it.");
        }
        registrations.reserve(clientAddress);
        Account account = create(request.username(), request.displayName().strip(), request.password(), Role.USER);
        if (request.email() != null) {
            emailAddresses.sendVerification(account, request.email().strip(), language);
        }
        return OwnProfile.of(account);
    }

    /** Creates an account; also used by the admin bootstrap. */
    public Account create(String username, String displayName, String password, Role role) {
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException(
                    "password_is_username", "password", "The password must not be the username.");
        }
        // Hashing takes a good part of a second: do it before the first query, so that no pooled
        // connection is held while it runs.
        String hash = hasher.hash(password);
        Account account = new Account(username, displayName, hash, Sessions.now());
        account.grant(role);
        persistNew(account);
        LOG.info(() -> "Account " + account.id() + " registered" + (role == Role.ADMIN ? " as admin" : ""));
        return account;
    }

    /**
     * Creates a bot's account: its password is the hash of a secret nobody keeps, so it signs in
     * only with the token {@link Sessions#issueBotToken} gives.
     */
    public Account createBot(String username, String displayName) {
        Account account = Account.bot(username, displayName, hasher.hash(SessionTokens.generate()), Sessions.now());
        persistNew(account);
        LOG.info(() -> "Bot account " + account.id() + " created");
        return account;
    }

    /** A bot deleted by its owner: suspended for good, its token revoked; its messages stay. */
    public void retireBot(long botAccountId) {
        Account account = em.find(Account.class, botAccountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isBot()) {
            throw new MissingEntityException("bot_not_found", "No such bot.");
        }
        account.ban(Account.PERMANENTLY, "bot deleted by its owner");
        sessions.revokeAllExcept(botAccountId, -1, SessionsRevoked.BANNED);
        displayNames.forget(botAccountId);
    }

    /** Renames a bot (its owner's edit). */
    public PublicProfile renameBot(long botAccountId, String displayName) {
        Account account = em.find(Account.class, botAccountId);
        if (account == null || !account.isBot()) {
            throw new MissingEntityException("bot_not_found", "No such bot.");
        }
        account.updateProfile(displayName, account.signature(), account.gender(), account.region(), account.phone());
        displayNames.forget(botAccountId);
        return PublicProfile.of(account);
    }

    /** Persists a new account; a username taken (whatever its case) is 409 {@code username_taken}. */
    private void persistNew(Account account) {
        String key = Account.keyOf(account.username());
        if (byKey(em, key).isPresent()) {
            throw taken();
        }
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.isIntegrityViolation(e)) {
                // Two registrations of the same name raced past the check: the unique key decides.
                throw taken();
            }
            throw e;
        }
        registered.fire(new AccountRegistered(account.id()));
    }

    public OwnProfile profile(Caller caller) {
        return OwnProfile.of(own(caller));
    }

    public OwnProfile updateProfile(Caller caller, ProfileUpdate update) {
        Account account = own(caller);
        account.updateProfile(
                update.displayName().strip(),
                blankToNull(update.signature()),
                Gender.fromWire(update.gender()).orElse(null),
                blankToNull(update.region()),
                blankToNull(update.phone()));
        displayNames.forget(account.id());
        return OwnProfile.of(account);
    }

    /** Requires the current password; ends every other session of the account (other devices sign in again). */
    public void changePassword(Caller caller, PasswordChange change, String clientAddress) {
        Account account = own(caller);
        sessions.verifyPassword(account, change.currentPassword(), clientAddress);
        if (change.newPassword().equalsIgnoreCase(account.username())) {
            throw new InvalidInputException(
                    "password_is_username", "newPassword", "The password must not be the username.");
        }
        account.changePassword(hasher.hash(change.newPassword()), Sessions.now());
        sessions.revokeAllExcept(caller.accountId(), caller.sessionId());
        passwordResets.passwordChanged(account);
        LOG.info(() -> "Account " + caller.accountId() + " changed its password");
    }

    public PublicProfile publicProfile(String username) {
        return byKey(em, Account.keyOf(username))
                .map(PublicProfile::of)
                .orElseThrow(() -> new MissingEntityException("user_not_found", "No such user."));
    }

    /** Where mail to an account goes: its verified address, its language and name; empty without an address. */
    public record MailAddress(String email, String language, String displayName) {}

    public Optional<MailAddress> mailAddress(long accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null || account.email() == null
                ? Optional.empty()
                : Optional.of(new MailAddress(account.email(), account.mailLanguage(), account.displayName()));
    }

    /** The public profile of the account with this username (whatever its case), if there is one. */
    public Optional<PublicProfile> find(String username) {
        return byKey(em, Account.keyOf(username)).map(PublicProfile::of);
    }

    /** The public profile of an account by id; 404 {@code user_not_found} if there is none. */
    public PublicProfile publicProfile(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        return PublicProfile.of(account);
    }

    /** Public profiles of many accounts at once (unknown ids are left out). */
    public Map<Long, PublicProfile> publicProfiles(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, PublicProfile> profiles = new HashMap<>();
        em.createNamedQuery(Account.BY_IDS, Account.class)
                .setParameter("ids", Set.copyOf(accountIds))
                .getResultStream()
                .forEach(a -> profiles.put(a.id(), PublicProfile.of(a)));
        return profiles;
    }

    /** Makes an uploaded image the account's avatar. */
    public void setAvatar(long accountId, long mediaId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        account.setAvatar(mediaId);
    }

    /** Which of these uploads are someone's avatar now (for the upload clean-up). */
    public Set<Long> avatarsAmong(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                em.createQuery("select a.avatarMediaId from Account a where a.avatarMediaId in :ids", Long.class)
                        .setParameter("ids", mediaIds)
                        .getResultList());
    }

    /** Case-insensitive substring search over usernames and display names. */
    public ResultPage<PublicProfile> search(String query, int page, int size) {
        String pattern = LikePattern.containing(query);
        long total = em.createNamedQuery(Account.SEARCH_COUNT, Long.class)
                .setParameter("pattern", pattern)
                .getSingleResult();
        var items = em.createNamedQuery(Account.SEARCH, Account.class)
                .setParameter("pattern", pattern)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(PublicProfile::of)
                .toList();
        return new ResultPage<>(items, page, size, total);
    }

    static Optional<Account> byKey(EntityManager em, String key) {
        return em.createNamedQuery(Account.BY_USERNAME_KEY, Account.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    private Account own(Caller caller) {
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        return account;
    }

    private static DuplicateEntityException taken() {
        return new DuplicateEntityException("username_taken", "username", "This username is taken.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.control.IdentitySettings;
import chat.plume.identity.control.PasswordHasher;
import chat.plume.identity.control.SessionTokens;
import chat.plume.identity.control.SignInThrottle;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.AuthSession;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.NotAuthenticatedException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.metrics.Metrics;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sign-in sessions: signing in (throttled), resolving a token to its {@link Caller}, listing
 * one's devices, and ending sessions. Ending sessions fires {@link SessionsRevoked}.
 */
@Stateless
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
    /** The same answer for an unknown username and a wrong password. */
    private static final String WRONG_CREDENTIALS = "Wrong username or password.";
    /** Until revoked: a date every database stores. */
    private static final java.time.Duration BOT_TOKEN_LIFETIME = java.time.Duration.ofDays(365L * 100);

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInThrottle throttle;

    @Inject
    IdentitySettings settings;

    @Inject
    Event<SessionsRevoked> revoked;

    @Inject
    Metrics metrics;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Event<SecurityEvent> security;

    @Resource
    SessionContext context;

    /**
     * Checks the password and opens a session; refuses with 401 or, after repeated failures, 429.
     *
     * <p>Runs without a transaction: the password check takes a good part of a second, and no
     * pooled connection may be held meanwhile. The session is written afterwards in a short
     * transaction of its own ({@link #open}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignedIn signIn(SignInRequest request, String clientAddress, String userAgent) {
        String key = Account.keyOf(request.username());
        boolean lastAttempt;
        try {
            lastAttempt = throttle.reserve(key, clientAddress);
        } catch (RateLimitedException e) {
            metrics.signIn("throttled");
            throw e;
        }
        Optional<Account> found = Accounts.byKey(em, key);
        if (found.isEmpty()) {
            hasher.burnEquivalentTime(request.password());
        }
        // A bot signs in only with its token: no password is ever right for it.
        if (found.isEmpty()
                || found.get().isBot()
                || !hasher.matches(request.password(), found.get().passwordHash())) {
            LOG.fine(() -> "Failed sign-in from " + clientAddress);
            metrics.signIn("failure");
            if (lastAttempt) {
                locked(found.map(Account::id).orElse(null), key, clientAddress);
            }
            throw new NotAuthenticatedException("invalid_credentials", WRONG_CREDENTIALS);
        }
        Account account = found.get();
        // Only after the password: whether an account is banned is nobody else's business.
        if (account.isBannedAt(now())) {
            metrics.signIn("banned");
            refuseIfBanned(account);
        }
        if (account.hasSecondFactor()
                && (request.code() == null || request.code().isBlank())) {
            // Counted as a failed attempt until the code comes: alternating this answer with
            // wrong codes must not reset the throttle.
            metrics.signIn("second_factor");
            throttle.passwordRight(clientAddress);
            throw new NotAuthenticatedException(
                    "second_factor_required", "Enter the code from your authenticator app, or a recovery code.");
        }
        String strongerHash = hasher.needsRehash(account.passwordHash()) ? hasher.hash(request.password()) : null;
        SignedIn signedIn;
        try {
            signedIn = context.getBusinessObject(Sessions.class)
                    .open(account.id(), strongerHash, request.code(), clientAddress, userAgent);
        } catch (NotAuthenticatedException wrongCode) {
            if (lastAttempt) {
                locked(account.id(), key, clientAddress);
            }
            throw wrongCode;
        }
        throttle.succeeded(key, clientAddress);
        metrics.signIn("success");
        return signedIn;
    }

    /** The account's sign-in window is used up by failures: recorded once per window. */
    private void locked(Long accountId, String key, String clientAddress) {
        security.fire(new SecurityEvent(
                "account.sign_in_locked",
                accountId,
                key,
                "too many failed sign-ins; locked for "
                        + settings.failureWindow().toMinutes() + " minutes",
                clientAddress));
    }

    /** Opens a session for an account whose password has just been checked; only {@link #signIn} calls it. */
    public SignedIn open(long accountId, String strongerHash, String code, String clientAddress, String userAgent) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account.hasSecondFactor() && !twoFactor.accepts(account, code)) {
            metrics.signIn("failure");
            throw new NotAuthenticatedException("invalid_second_factor", "That code is not right.");
        }
        if (strongerHash != null) {
            account.rehashPassword(strongerHash);
        }
        String token = SessionTokens.generate();
        AuthSession session = new AuthSession(
                account, SessionTokens.digest(token), now(), settings.sessionLifetime(), userAgent, clientAddress);
        session.verified(now(), account.hasSecondFactor());
        em.persist(session);
        LOG.info(() -> "Account " + account.id() + " signed in");
        return new SignedIn(token, session.expiresAt().toInstant(ZoneOffset.UTC), OwnProfile.of(account));
    }

    /**
     * A bot's token: a session of the bot's account that lasts until it is revoked (a bot does not
     * sign in again), shown once to the owner and stored only as its digest. Ends the bot's other
     * tokens: there is one at a time.
     */
    public String issueBotToken(long botAccountId) {
        Account account = em.find(Account.class, botAccountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isBot()) {
            throw new MissingEntityException("bot_not_found", "No such bot.");
        }
        revokeAllExcept(botAccountId, -1, SessionsRevoked.SIGNED_OUT);
        String token = SessionTokens.generate();
        AuthSession session =
                new AuthSession(account, SessionTokens.digest(token), now(), BOT_TOKEN_LIFETIME, "bot token", null);
        session.verified(now(), false);
        em.persist(session);
        return token;
    }

    /** Whether a session is still live (not revoked, not expired). */
    public boolean isLive(long sessionId) {
        AuthSession session = em.find(AuthSession.class, sessionId);
        return session != null && session.isLive(now());
    }

    /** The caller behind a token, if the token names a live session. */
    public Optional<Caller> authenticate(String token) {
        if (!SessionTokens.plausible(token)) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        return em.createNamedQuery(AuthSession.BY_TOKEN_HASH, AuthSession.class)
                .setParameter("hash", SessionTokens.digest(token))
                .getResultStream()
                .filter(s -> s.isLive(now) && !s.account().isBannedAt(now))
                .findFirst()
                .map(s -> {
                    s.touch(now);
                    Account a = s.account();
                    return new Caller(
                            a.id(),
                            a.username(),
                            a.role(),
                            s.id(),
                            s.expiresAt().toInstant(ZoneOffset.UTC),
                            s.secondFactor(),
                            s.verifiedAt().toInstant(ZoneOffset.UTC),
                            a.isBot());
                });
    }

    public List<DeviceSession> devices(Caller caller) {
        return live(caller.accountId()).stream()
                .map(s -> new DeviceSession(
                        s.id(),
                        s.createdAt().toInstant(ZoneOffset.UTC),
                        s.lastUsedAt().toInstant(ZoneOffset.UTC),
                        s.expiresAt().toInstant(ZoneOffset.UTC),
                        s.userAgent(),
                        s.id() == caller.sessionId()))
                .toList();
    }

    /** Ends one of the caller's own sessions (this device or another one). */
    public void signOut(Caller caller, long sessionId) {
        AuthSession session = em.find(AuthSession.class, sessionId);
        if (session == null || !session.account().id().equals(caller.accountId()) || !session.isLive(now())) {
            throw new MissingEntityException("session_not_found", "No such session.");
        }
        session.revoke(now());
        revoked.fire(new SessionsRevoked(caller.accountId(), Set.of(sessionId)));
        LOG.info(() -> "Account " + caller.accountId() + " signed out session " + sessionId);
    }

    /** Ends every session of the caller, including the current one. */
    public void signOutEverywhere(Caller caller) {
        revokeAllExcept(caller.accountId(), -1);
        LOG.info(() -> "Account " + caller.accountId() + " signed out everywhere");
    }

    /** Ends every session of an account but one; used after a password change. */
    public void revokeAllExcept(long accountId, long keptSessionId) {
        revokeAllExcept(accountId, keptSessionId, SessionsRevoked.SIGNED_OUT);
    }

    /** Ends every session of an account but one ({@code -1}: all), telling its pages why. */
    public void revokeAllExcept(long accountId, long keptSessionId, String reason) {
        Set<Long> ids = new HashSet<>();
        for (AuthSession s : live(accountId)) {
            if (s.id() != keptSessionId) {
                ids.add(s.id());
            }
        }
        em.createNamedQuery(AuthSession.REVOKE_ALL_OF_ACCOUNT)
                .setParameter("now", now())
                .setParameter("account", accountId)
                .setParameter("except", keptSessionId)
                .executeUpdate();
        if (!ids.isEmpty()) {
            revoked.fire(new SessionsRevoked(accountId, Set.copyOf(ids), reason));
        }
    }

    /** Ends one session of an account (an administrator's force sign-out); false if it was not live. */
    public boolean revoke(long accountId, long sessionId) {
        AuthSession session = em.find(AuthSession.class, sessionId);
        if (session == null || !session.account().id().equals(accountId) || !session.isLive(now())) {
            return false;
        }
        session.revoke(now());
        revoked.fire(new SessionsRevoked(accountId, Set.of(sessionId)));
        return true;
    }

    /** 403 {@code account_banned}, saying until when, for a banned account. */
    static void refuseIfBanned(Account account) {
        LocalDateTime now = now();
        if (account.isBannedAt(now)) {
            LocalDateTime until = account.bannedUntil(now);
            throw new AccessDeniedException(
                    "account_banned",
                    until.equals(Account.PERMANENTLY)
                            ? "This account is suspended."
                            : "This account is suspended until " + until + " UTC.");
        }
    }

    /**
     * Checks a second-factor code outside sign-in (step-up, turning it off), counted like a
     * sign-in attempt: wrong codes use up the account's and the address's attempts, so codes
     * cannot be guessed faster than passwords. The account row must be locked by the caller.
     */
    public void verifyCode(Account account, String code, String clientAddress) {
        String key = Account.keyOf(account.username());
        throttle.reserve(key, clientAddress);
        if (!twoFactor.accepts(account, code)) {
            throw new NotAuthenticatedException("invalid_second_factor", "That code is not right.");
        }
        throttle.succeeded(key, clientAddress);
    }

    /** Throws like a failed sign-in when the password is wrong; counts towards the throttle. */
    public void verifyPassword(Account account, String password, String clientAddress) {
        String key = Account.keyOf(account.username());
        throttle.reserve(key, clientAddress);
        if (!hasher.matches(password, account.passwordHash())) {
            throw new NotAuthenticatedException("invalid_credentials", "The current password is wrong.");
        }
        throttle.succeeded(key, clientAddress);
    }

    private List<AuthSession> live(long accountId) {
        return em.createNamedQuery(AuthSession.LIVE_OF_ACCOUNT, AuthSession.class)
                .setParameter("account", accountId)
                .setParameter("now", now())
                .getResultList();
    }

    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.control.SessionTokens;
import chat.plume.identity.control.Totp;
import chat.plume.identity.entity.Account;
import chat.plume.identity.entity.AuthSession;
import chat.plume.identity.entity.RecoveryCode;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.NotAuthenticatedException;
import io.nayuki.qrcodegen.QrCode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Two-factor authentication with an authenticator app (TOTP): enrolment (a secret and its QR
 * code, confirmed by a first code, then ten recovery codes shown once), checking a code at
 * sign-in or to step a session up, and switching it off (password and a code). Codes are good
 * once: the last accepted time step is kept, and a used recovery code is marked.
 */
@Stateless
public class TwoFactor {

    private static final Logger LOG = Logger.getLogger(TwoFactor.class.getName());
    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    Event<SecurityEvent> security;

    /** What the profile shows. */
    public record Status(boolean enabled, long recoveryCodesLeft) {}

    /**
     * A new secret to enrol: the text to type in, the {@code otpauth://} URI and its QR code as
     * rows of modules ({@code 1} dark), which the page draws itself.
     */
    public record Enrolment(String secret, String uri, List<String> qr) {}

    /** The recovery codes of a confirmed enrolment, shown once. */
    public record Confirmed(List<String> recoveryCodes) {}

    public Status status(Caller caller) {
        Account account = own(caller);
        long left = account.hasSecondFactor()
                ? em.createQuery(
                                "select count(r) from RecoveryCode r where r.accountId = :account and r.usedAt is null",
                                Long.class)
                        .setParameter("account", caller.accountId())
                        .getSingleResult()
                : 0;
        return new Status(account.hasSecondFactor(), left);
    }

    /**
     * Starts enrolment (again): a fresh secret, not in force until a code from it is confirmed.
     * Asks for the password: a stolen session alone must not be able to put its thief's phone on
     * the account (and, for an administrator, open the console with it).
     */
    public Enrolment begin(Caller caller, String password, String clientAddress) {
        Account account = own(caller);
        sessions.verifyPassword(account, password, clientAddress);
        if (account.hasSecondFactor()) {
            throw new ConflictException("second_factor_enabled", "Two-factor authentication is already on.");
        }
        String secret = Totp.newSecret();
        account.beginTotp(secret);
        String uri = Totp.uri("Plume", account.username(), secret);
        QrCode qr = QrCode.encodeText(uri, QrCode.Ecc.MEDIUM);
        List<String> rows = new ArrayList<>(qr.size);
        for (int y = 0; y < qr.size; y++) {
            StringBuilder row = new StringBuilder(qr.size);
            for (int x = 0; x < qr.size; x++) {
                row.append(qr.getModule(x, y) ? '1' : '0');
            }
            rows.add(row.toString());
        }
        return new Enrolment(secret, uri, rows);
    }

    /** Confirms enrolment with a code from the new secret; this session counts as verified with it. */
    public Confirmed confirm(Caller caller, String code, String clientAddress) {
        Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.totpPending() == null) {
            throw new ConflictException("no_enrolment", "Start setting up two-factor authentication first.");
        }
        OptionalLong step =
                Totp.verify(account.totpPending(), code, Instant.now().getEpochSecond(), null);
        if (step.isEmpty()) {
            throw new NotAuthenticatedException("invalid_second_factor", "That code is not right. Try the next one.");
        }
        account.confirmTotp(step.getAsLong());
        em.createQuery("delete from RecoveryCode r where r.accountId = :account")
                .setParameter("account", account.id())
                .executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            em.persist(new RecoveryCode(account.id(), SessionTokens.digest(normalize(recovery))));
        }
        AuthSession session = em.find(AuthSession.class, caller.sessionId());
        if (session != null) {
            session.verified(Timestamps.now(), true);
        }
        // Every other session began without the second factor: they sign in again, with it.
        sessions.revokeAllExcept(account.id(), caller.sessionId());
        security.fire(
                new SecurityEvent("account.two_factor_on", account.id(), account.username(), null, clientAddress));
        LOG.info(() -> "Account " + account.id() + " turned two-factor authentication on");
        return new Confirmed(codes);
    }

    /** Switches it off: the password and a current code (or a recovery code) are both needed. */
    public void disable(Caller caller, String password, String code, String clientAddress) {
        Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        sessions.verifyPassword(account, password, clientAddress);
        if (!account.hasSecondFactor()) {
            return;
        }
        sessions.verifyCode(account, code, clientAddress);
        account.removeTotp();
        em.createQuery("delete from RecoveryCode r where r.accountId = :account")
                .setParameter("account", account.id())
                .executeUpdate();
        // No session keeps a second factor the account no longer has: the others end, this one
        // loses it (the console, which requires one, closes to it).
        sessions.revokeAllExcept(account.id(), caller.sessionId());
        AuthSession session = em.find(AuthSession.class, caller.sessionId());
        if (session != null) {
            session.withoutSecondFactor();
        }
        security.fire(
                new SecurityEvent("account.two_factor_off", account.id(), account.username(), null, clientAddress));
        LOG.info(() -> "Account " + account.id() + " turned two-factor authentication off");
    }

    /** Steps the caller's session up: a current code makes it freshly verified, with a second factor. */
    public void stepUp(Caller caller, String code, String clientAddress) {
        Account account = em.find(Account.class, caller.accountId(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.hasSecondFactor()) {
            throw new ConflictException("second_factor_not_enabled", "Turn two-factor authentication on first.");
        }
        sessions.verifyCode(account, code, clientAddress);
        AuthSession session = em.find(AuthSession.class, caller.sessionId());
        session.verified(Timestamps.now(), true);
    }

    /**
     * Whether a code is good for this account now — a TOTP code not used before, or an unused
     * recovery code, which is then spent. The account row must be locked by the caller. For
     * identity's own use (sign-in): public only because the container calls EJBs' public methods.
     */
    public boolean accepts(Account account, String code) {
        if (code == null || code.isBlank() || code.length() > 32) {
            return false;
        }
        String given = code.strip();
        if (given.matches("\\d{6}")) {
            OptionalLong step =
                    Totp.verify(account.totpSecret(), given, Instant.now().getEpochSecond(), account.totpLastStep());
            step.ifPresent(account::usedTotpStep);
            return step.isPresent();
        }
        RecoveryCode recovery =
                em.find(RecoveryCode.class, new RecoveryCode.Key(account.id(), SessionTokens.digest(normalize(given))));
        if (recovery == null || recovery.isUsed()) {
            return false;
        }
        recovery.use(Timestamps.now());
        security.fire(new SecurityEvent("account.recovery_code_used", account.id(), account.username(), null, null));
        LOG.info(() -> "Account " + account.id() + " used a recovery code");
        return true;
    }

    private Account own(Caller caller) {
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new MissingEntityException("user_not_found", "No such user.");
        }
        return account;
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}

package chat.plume.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One signed-in device. The bearer token itself is never stored, only its SHA-256: whoever
 * reads the table cannot sign in. A session ends when it expires or is revoked (sign-out,
 * sign-out everywhere, password change); a revoked session is kept for the account's device
 * history but never authenticates again.
 */
@Entity
@Table(name = "auth_session")
@NamedQuery(
        name = AuthSession.BY_TOKEN_HASH,
        query = "select s from AuthSession s join fetch s.account" + " where s.tokenHash = :hash")
@NamedQuery(
        name = AuthSession.LIVE_OF_ACCOUNT,
        query = "select s from AuthSession s where s.account.id = :account"
                + " and s.revokedAt is null and s.expiresAt > :now order by s.lastUsedAt desc")
@NamedQuery(
        name = AuthSession.REVOKE_ALL_OF_ACCOUNT,
        query = "update AuthSession s set s.revokedAt = :now"
                + " where s.account.id = :account and s.revokedAt is null and s.id <> :except")
@NamedQuery(
        name = AuthSession.LAST_USED_OF_ACCOUNT,
        query = "select max(s.lastUsedAt) from AuthSession s where s.account.id = :account")
public class AuthSession {

    public static final String BY_TOKEN_HASH = "AuthSession.byTokenHash";
    public static final String LIVE_OF_ACCOUNT = "AuthSession.liveOfAccount";
    public static final String REVOKE_ALL_OF_ACCOUNT = "AuthSession.revokeAllOfAccount";
    public static final String LAST_USED_OF_ACCOUNT = "AuthSession.lastUsedOfAccount";

    /** Writing last-use on every request would turn each read into a write; once a minute is enough. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    @Id
    @SequenceGenerator(name = "auth_session_seq", sequenceName = "auth_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auth_session_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private LocalDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    /** When this session last checked a credential: its sign-in, or a later step-up with a code. */
    @Column(name = "verified_at")
    private LocalDateTime verifiedAt;

    /** Whether a second factor was part of this session's sign-in or step-up. */
    @Column(name = "second_factor", nullable = false)
    private boolean secondFactor;

    @Column(name = "user_agent", length = 200)
    private String userAgent;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuthSession() {}

    public AuthSession(
            Account account,
            String tokenHash,
            LocalDateTime now,
            Duration lifetime,
            String userAgent,
            String clientAddress) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(lifetime);
        this.verifiedAt = now;
        this.userAgent = truncate(userAgent, 200);
        this.clientAddress = truncate(clientAddress, 64);
    }

    public boolean isLive(LocalDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Records use; returns whether anything changed (so idle reads stay reads). */
    public boolean touch(LocalDateTime now) {
        if (Duration.between(lastUsedAt, now).compareTo(TOUCH_GRANULARITY) < 0) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    /** The person proved who they are again (a code, or a sign-in with one). */
    public void verified(LocalDateTime now, boolean withSecondFactor) {
        this.verifiedAt = now;
        this.secondFactor = this.secondFactor || withSecondFactor;
    }

    /** Two-factor authentication was turned off: this session no longer counts as having it. */
    public void withoutSecondFactor() {
        this.secondFactor = false;
    }

    public LocalDateTime verifiedAt() {
        return verifiedAt == null ? createdAt : verifiedAt;
    }

    public boolean secondFactor() {
        return secondFactor;
    }

    public void revoke(LocalDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public LocalDateTime expiresAt() {
        return expiresAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String clientAddress() {
        return clientAddress;
    }
}

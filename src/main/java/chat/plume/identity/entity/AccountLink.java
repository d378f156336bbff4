package chat.plume.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A single-use link mailed to a person: to verify an address, or to set a new password. Only the
 * SHA-256 of its token is stored; it works once, until it expires, and a newer link of the same
 * purpose ends the older ones.
 */
@Entity
@Table(name = "account_link")
@NamedQuery(name = AccountLink.BY_TOKEN_HASH, query = "select l from AccountLink l where l.tokenHash = :hash")
@NamedQuery(
        name = AccountLink.END_OTHERS,
        query = "update AccountLink l set l.expiresAt = :now where l.accountId = :account and l.purpose = :purpose"
                + " and l.usedAt is null and l.expiresAt > :now")
public class AccountLink {

    public static final String BY_TOKEN_HASH = "AccountLink.byTokenHash";
    public static final String END_OTHERS = "AccountLink.endOthers";

    @Id
    @SequenceGenerator(name = "account_link_seq", sequenceName = "account_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_link_seq")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private LinkPurpose purpose;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(length = 254, updatable = false)
    private String email;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected AccountLink() {}

    public AccountLink(
            long accountId, LinkPurpose purpose, String tokenHash, String email, LocalDateTime now, Duration life) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.email = email;
        this.createdAt = now;
        this.expiresAt = now.plus(life);
    }

    /** Whether it can still be used for {@code wanted}: the right purpose, not used, not expired. */
    public boolean works(LinkPurpose wanted, LocalDateTime now) {
        return purpose == wanted && usedAt == null && expiresAt.isAfter(now);
    }

    public void use(LocalDateTime now) {
        this.usedAt = now;
    }

    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }
}

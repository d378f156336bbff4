package chat.plume.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** One recovery code of an account's two-factor enrolment, as its SHA-256; good once. */
@Entity
@Table(name = "recovery_code")
@IdClass(RecoveryCode.Key.class)
public class RecoveryCode {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected RecoveryCode() {}

    public RecoveryCode(long accountId, String codeHash) {
        this.accountId = accountId;
        this.codeHash = codeHash;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public void use(LocalDateTime now) {
        this.usedAt = now;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private Long accountId;
        private String codeHash;

        public Key() {}

        public Key(long accountId, String codeHash) {
            this.accountId = accountId;
            this.codeHash = codeHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(accountId, k.accountId)
                    && Objects.equals(codeHash, k.codeHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, codeHash);
        }
    }
}

package chat.plume.admin.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One row of the audit log. Written once by {@link AuditTrail#append} and never changed: the
 * entity has no setters, and no code path updates or deletes the table.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    private Long position;

    @Column(nullable = false, updatable = false)
    private LocalDateTime at;

    /** The same time as the hash covers it: milliseconds since 1970 (UTC), no conversion on the way. */
    @Column(name = "at_millis", updatable = false)
    private Long atMillis;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_name", updatable = false, length = 32)
    private String actorName;

    @Column(nullable = false, updatable = false, length = 40)
    private String action;

    @Column(name = "target_kind", updatable = false, length = 16)
    private String targetKind;

    @Column(name = "target_id", updatable = false)
    private Long targetId;

    @Column(name = "target_name", updatable = false, length = 64)
    private String targetName;

    @Column(updatable = false, length = 500)
    private String reason;

    @Column(updatable = false, length = 1000)
    private String detail;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {}

    AuditEvent(long position, LocalDateTime at, AuditEntry entry, String previousHash, String hash) {
        this.position = position;
        this.at = at;
        this.atMillis = at.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        this.actorId = entry.actorId();
        this.actorName = entry.actorName();
        this.action = entry.action();
        this.targetKind = entry.targetKind();
        this.targetId = entry.targetId();
        this.targetName = entry.targetName();
        this.reason = entry.reason();
        this.detail = entry.detail();
        this.clientAddress = entry.clientAddress();
        this.previousHash = previousHash;
        this.hash = hash;
    }

    /** The content the hash covers, as it was written. */
    AuditEntry entry() {
        return new AuditEntry(
                actorId, actorName, action, targetKind, targetId, targetName, reason, detail, clientAddress);
    }

    public long position() {
        return position;
    }

    public LocalDateTime at() {
        return at;
    }

    /** The time the hash covers (rows written before it was kept fall back to {@code at}). */
    LocalDateTime hashedAt() {
        return atMillis == null
                ? at
                : LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(atMillis), java.time.ZoneOffset.UTC);
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}

package chat.plume.admin.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The audit chain's end: its last position and hash. One row; every append locks it, which puts
 * appends from every thread and every node in one order.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {}

    long lastPosition() {
        return lastPosition;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long position, String hash) {
        this.lastPosition = position;
        this.lastHash = hash;
    }
}

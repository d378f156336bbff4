package chat.plume.admin.audit;

import chat.plume.platform.Timestamps;
import java.time.Instant;

/** An audit row as the console and the API show it. */
public record AuditView(
        long position,
        Instant at,
        Long actorId,
        String actorName,
        String action,
        String targetKind,
        Long targetId,
        String targetName,
        String reason,
        String detail,
        String clientAddress,
        String hash) {

    static AuditView of(AuditEvent e) {
        AuditEntry entry = e.entry();
        return new AuditView(
                e.position(),
                Timestamps.toInstant(e.at()),
                entry.actorId(),
                entry.actorName(),
                entry.action(),
                entry.targetKind(),
                entry.targetId(),
                entry.targetName(),
                entry.reason(),
                entry.detail(),
                entry.clientAddress(),
                e.hash());
    }
}

package chat.plume.admin.audit;

/**
 * What an audit row says: who (the actor, null for the system), did what ({@code action}, e.g.
 * {@code account.ban}), to what (a kind — {@code account}, {@code group}, {@code message},
 * {@code audit} — with its id and name), why (the reason the administrator gave), further
 * detail (e.g. the ban's end), and from which client address.
 */
public record AuditEntry(
        Long actorId,
        String actorName,
        String action,
        String targetKind,
        Long targetId,
        String targetName,
        String reason,
        String detail,
        String clientAddress) {

    /** An action with no administrator behind it (e.g. the sign-in throttle tripping). */
    public static AuditEntry system(
            String action, String targetKind, Long targetId, String targetName, String detail, String clientAddress) {
        return new AuditEntry(null, null, action, targetKind, targetId, targetName, null, detail, clientAddress);
    }
}

package chat.plume.admin.audit;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit rows to list or export: any of actor id, target id (with or without its kind),
 * action (exact, or every action starting with it when it ends in {@code .}, e.g.
 * {@code account.}) and a time range, newest first.
 */
public record AuditFilter(
        Long actorId, String targetKind, Long targetId, String action, LocalDateTime from, LocalDateTime to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

    /** The JPQL condition and its parameters, for rows before {@code beforePosition}. */
    Query where(long beforePosition) {
        StringBuilder where = new StringBuilder(" where e.position < :before");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("before", beforePosition);
        if (actorId != null) {
            where.append(" and e.actorId = :actor");
            parameters.put("actor", actorId);
        }
        if (targetKind != null) {
            where.append(" and e.targetKind = :kind");
            parameters.put("kind", targetKind);
        }
        if (targetId != null) {
            where.append(" and e.targetId = :target");
            parameters.put("target", targetId);
        }
        if (action != null) {
            if (action.endsWith(".")) {
                where.append(" and e.action like :action");
                parameters.put("action", action + "%");
            } else {
                where.append(" and e.action = :action");
                parameters.put("action", action);
            }
        }
        if (from != null) {
            where.append(" and e.at >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and e.at < :to");
            parameters.put("to", to);
        }
        return new Query(where.toString(), parameters);
    }

    record Query(String where, Map<String, Object> parameters) {}
}

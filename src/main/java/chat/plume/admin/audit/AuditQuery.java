package chat.plume.admin.audit;

import chat.plume.admin.AdminRequests;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

/**
 * The audit log's filter as query parameters, shared by the listing and the export. Field names
 * are the parameters' names, so a refusal names the parameter the client sent.
 */
public class AuditQuery {

    static final String ID = "^\\d{1,18}$";
    static final String ID_MESSAGE = "must be a number";

    @QueryParam("actor")
    @Pattern(regexp = ID, message = ID_MESSAGE)
    String actor;

    @QueryParam("targetKind")
    @Pattern(
            regexp = "^(account|group|message|report|audit|announcement|job|settings)$",
            message = "must be account, group, message, report, audit, announcement, job or settings")
    String targetKind;

    @QueryParam("target")
    @Pattern(regexp = ID, message = ID_MESSAGE)
    String target;

    @QueryParam("action")
    @Pattern(regexp = "^[a-z_.]{1,40}$", message = "must be an action such as account.ban")
    String action;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    AuditFilter filter() {
        return new AuditFilter(
                actor == null ? null : Long.valueOf(actor),
                targetKind,
                target == null ? null : Long.valueOf(target),
                action,
                AdminRequests.time("from", from),
                AdminRequests.time("to", to));
    }
}

package chat.plume.admin.audit;

import chat.plume.admin.AdminRequests;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.NextPage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /admin/audit}: the audit log, newest first, filtered by actor, target, action and time;
 * its CSV export; and the verification of its hash chain.
 */
@Path("admin/audit")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    public Response list(
            @BeanParam @Valid AuditQuery query,
            @QueryParam("after") @Pattern(regexp = AuditQuery.ID, message = AuditQuery.ID_MESSAGE) String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Pattern(regexp = "^([1-9]|[1-9]\\d|100)$", message = "must be 1 to 100")
                    String limit) {
        AuditFilter filter = query.filter();
        int size = Integer.parseInt(limit);
        long before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
        // One more than asked: whether a next page exists comes from the rows, not a count.
        List<AuditView> rows = trail.page(filter, before, size + 1);
        List<AuditView> page = rows.subList(0, Math.min(size, rows.size()));
        Long next = rows.size() > size ? page.get(page.size() - 1).position() : null;
        return NextPage.of(page, next, uri);
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@BeanParam @Valid AuditQuery query) {
        AuditFilter filter = query.filter();
        StreamingOutput body = output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            AuditCsv.header(out);
            trail.each(filter, row -> {
                try {
                    AuditCsv.row(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"plume-audit.csv\"")
                .build();
    }

    /** Checks the whole chain; the check itself is recorded too. */
    @POST
    @Path("verify")
    public AuditTrail.Verification verify() {
        AuditTrail.Verification result = trail.verify();
        Caller me = caller.get();
        trail.appendAlone(new AuditEntry(
                me.accountId(),
                me.username(),
                "audit.verify",
                "audit",
                null,
                null,
                null,
                result.intact() ? "intact, " + result.checked() + " rows" : "broken at row " + result.brokenAt(),
                AdminRequests.address(http)));
        return result;
    }
}

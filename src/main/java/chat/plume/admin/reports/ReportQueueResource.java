package chat.plume.admin.reports;

import chat.plume.admin.AdminRequests;
import chat.plume.admin.people.PeopleAdministration;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.media.EvidenceMedia;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import chat.plume.reports.ReportViews;
import chat.plume.reports.Reports;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/reports}: the queue, a report with its evidence, and a decision on it. */
@Path("admin/reports")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class ReportQueueResource {

    @Inject
    Reports reports;

    @Inject
    ReportDecisions decisions;

    @Inject
    EvidenceMedia evidence;

    @Inject
    PeopleAdministration people;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @GET
    public ResultPage<ReportViews.Summary> queue(
            @QueryParam("status")
                    @DefaultValue("open")
                    @Pattern(regexp = "^(open|resolved)$", message = "must be open or resolved")
                    String status,
            @BeanParam @Valid PageParameters paging) {
        return reports.queue(status.equals("open"), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public ReportViews.Detail report(@PathParam("id") long id) {
        return reports.detail(id);
    }

    /** An upload the evidence carried (an image inline, a file as a download), whatever became of its message. */
    @GET
    @Path("{id}/evidence/{seq}/media")
    @Produces(MediaType.WILDCARD)
    public Response evidenceMedia(
            @PathParam("id") long id,
            @PathParam("seq") long seq,
            @HeaderParam("Range") String range,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return evidence.serve(reports.evidenceMedia(id, seq), range, ifNoneMatch);
    }

    /** One decision, one click: answers with the report as it is afterwards. */
    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.Detail resolve(@PathParam("id") long id, @NotNull @Valid ReportDecision decision) {
        String address = AdminRequests.address(http);
        ReportViews.Resolution resolution = decisions.decide(caller.get(), id, decision, address);
        PeopleAdministration.Action action = ReportDecisions.peopleAction(ReportDecisions.outcome(decision));
        if (action != null) {
            people.followUp(caller.get(), resolution.target(), action, ReportDecisions.moderationOf(decision), address);
        }
        return reports.detail(id);
    }
}

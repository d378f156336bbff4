package chat.plume.reports;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /reports}: report a message or a person (201 when new, 200 with the report already open
 * when the caller reported the same thing before), and follow one's own reports.
 */
@Path("reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    Reports reports;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@NotNull @Valid FileReport request) {
        ReportViews.Filed filed = reports.file(caller.get(), request);
        return Response.status(filed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(filed.report())
                .build();
    }

    @GET
    public ResultPage<ReportViews.Mine> mine(@BeanParam @Valid PageParameters paging) {
        return reports.mine(caller.get(), paging.page(), paging.size());
    }
}

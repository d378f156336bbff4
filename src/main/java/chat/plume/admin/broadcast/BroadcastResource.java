package chat.plume.admin.broadcast;

import chat.plume.admin.AdminRequests;
import chat.plume.announcements.AnnouncementDraft;
import chat.plume.announcements.AnnouncementView;
import chat.plume.announcements.Announcements;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /admin/announcements}: every announcement, and publishing, editing and ending one. */
@Path("admin/announcements")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class BroadcastResource {

    @Inject
    Announcements announcements;

    @Inject
    Broadcasts broadcasts;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @GET
    public ResultPage<AnnouncementView> list(@BeanParam @Valid PageParameters paging) {
        return announcements.all(paging.page(), paging.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(@NotNull @Valid AnnouncementDraft draft) {
        AnnouncementView view = broadcasts.publish(caller.get(), draft, AdminRequests.address(http));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("{id}")
    public AnnouncementView get(@PathParam("id") long id) {
        return announcements.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AnnouncementView edit(@PathParam("id") long id, @NotNull @Valid AnnouncementDraft draft) {
        return broadcasts.edit(caller.get(), id, draft, AdminRequests.address(http));
    }

    @POST
    @Path("{id}/end")
    public AnnouncementView end(@PathParam("id") long id) {
        return broadcasts.end(caller.get(), id, AdminRequests.address(http));
    }
}

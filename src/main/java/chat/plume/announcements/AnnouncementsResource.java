package chat.plume.announcements;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /announcements}: what is announced to everyone now (not dismissed by the caller), and dismissing one. */
@Path("announcements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementsResource {

    @Inject
    Announcements announcements;

    @Inject
    CurrentCaller caller;

    @GET
    public List<AnnouncementView> current() {
        return announcements.current(caller.get());
    }

    @POST
    @Path("{id}/dismiss")
    public Response dismiss(@PathParam("id") long id) {
        announcements.dismiss(caller.get(), id);
        return Response.noContent().build();
    }
}

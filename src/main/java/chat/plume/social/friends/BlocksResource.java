package chat.plume.social.friends;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /blocks}: whom the caller has blocked; {@code PUT} blocks, {@code DELETE} unblocks (both idempotent). */
@Path("blocks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BlocksResource {

    @Inject
    Blocks blocks;

    @Inject
    CurrentCaller caller;

    @GET
    public List<FriendViews.Blocked> list() {
        return blocks.list(caller.get());
    }

    @PUT
    @Path("{userId}")
    public Response block(@PathParam("userId") long userId) {
        blocks.block(caller.get(), userId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{userId}")
    public Response unblock(@PathParam("userId") long userId) {
        blocks.unblock(caller.get(), userId);
        return Response.noContent().build();
    }
}

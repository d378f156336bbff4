package chat.plume.social.friends;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /friend-requests}: the requests inbox, sending, accepting, declining, cancelling. */
@Path("friend-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FriendRequestsResource {

    /** {@code POST /friend-requests}: whom to ask, and an optional message (验证消息). */
    public record NewRequest(
            @NotNull Long userId,

            @Size(max = 100) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL)
            String message) {}

    @Inject
    FriendRequests requests;

    @Inject
    CurrentCaller caller;

    @GET
    public FriendViews.Requests pending() {
        return requests.pending(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@NotNull @Valid NewRequest request) {
        FriendViews.Request sent = requests.send(caller.get(), request.userId(), request.message());
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    @POST
    @Path("{id}/accept")
    public FriendViews.Request accept(@PathParam("id") long id) {
        return requests.accept(caller.get(), id);
    }

    @POST
    @Path("{id}/decline")
    public FriendViews.Request decline(@PathParam("id") long id) {
        return requests.decline(caller.get(), id);
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") long id) {
        requests.cancel(caller.get(), id);
        return Response.noContent().build();
    }
}

package chat.plume.social.groups;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /group-join-requests/{id}}: answering (owner, admins) or withdrawing (applicant, inviter). */
@Path("group-join-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GroupJoinRequestsResource {

    @Inject
    GroupMemberships memberships;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("{id}/accept")
    public GroupViews.JoinRequest accept(@PathParam("id") long id) {
        return memberships.decide(caller.get(), id, true);
    }

    @POST
    @Path("{id}/decline")
    public GroupViews.JoinRequest decline(@PathParam("id") long id) {
        return memberships.decide(caller.get(), id, false);
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") long id) {
        memberships.cancel(caller.get(), id);
        return Response.noContent().build();
    }
}

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /friends}: the caller's contacts, a friend's remark and group, ending a friendship. */
@Path("friends")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FriendsResource {

    /** {@code PUT /friends/{userId}}: the caller's remark (备注; empty clears it) and contact group. */
    public record FriendUpdate(
            @Size(max = 32) @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL)
            String remark,

            Long contactGroupId) {}

    @Inject
    Friendships friendships;

    @Inject
    CurrentCaller caller;

    @GET
    public FriendViews.Contacts contacts() {
        return friendships.contacts(caller.get());
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FriendViews.Friend update(@PathParam("userId") long userId, @NotNull @Valid FriendUpdate update) {
        return friendships.update(caller.get(), userId, update.remark(), update.contactGroupId());
    }

    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") long userId) {
        friendships.remove(caller.get(), userId);
        return Response.noContent().build();
    }
}

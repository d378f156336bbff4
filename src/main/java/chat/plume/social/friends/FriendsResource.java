package chat.plume.social.friends;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.AuthenticationFilter;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

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

    @Context
    SecurityContext security;

    @GET
    public FriendViews.Contacts contacts() {
        return friendships.contacts(AuthenticationFilter.callerOf(security));
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FriendViews.Friend update(@PathParam("userId") long userId, @NotNull @Valid FriendUpdate update) {
        return friendships.update(
                AuthenticationFilter.callerOf(security), userId, update.remark(), update.contactGroupId());
    }

    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") long userId) {
        friendships.remove(AuthenticationFilter.callerOf(security), userId);
        return Response.noContent().build();
    }
}

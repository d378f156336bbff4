package chat.plume.social.friends;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.NextPage;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /friends}: a page of the caller's friends, a friend's remark and group, ending a friendship. */
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

    /**
     * A page of the caller's friends, by their account id; when more follow, a
     * {@code Link: <…?after=…>; rel="next"} header names the next page. Contact groups are
     * {@code GET /contact-groups}.
     */
    @GET
    public Response friends(
            @QueryParam("after") @DefaultValue("0") @Pattern(regexp = PageParameters.KEY, message = "must be a user id")
                    String after,
            @QueryParam("limit")
                    @DefaultValue("200")
                    @Pattern(regexp = "^([1-9]\\d{0,2}|1000)$", message = "must be 1 to 1000")
                    String limit,
            @Context UriInfo uri) {
        int size = Integer.parseInt(limit);
        FriendViews.Page page = friendships.friends(caller.get(), Long.parseLong(after), size);
        return NextPage.of(page.friends(), page.next(), uri);
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

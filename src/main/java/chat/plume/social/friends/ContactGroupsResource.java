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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /contact-groups}: the caller's contact groups (分组). */
@Path("contact-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactGroupsResource {

    /** A contact group's name. */
    public record GroupName(
            @NotNull @Size(min = 1, max = 32) @Pattern(regexp = TextRules.VISIBLE_TEXT, message = TextRules.NO_CONTROL)
            String name) {}

    @Inject
    ContactGroups groups;

    @Inject
    CurrentCaller caller;

    @GET
    public List<FriendViews.Group> list() {
        return groups.list(caller.get().accountId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid GroupName name) {
        FriendViews.Group created = groups.create(caller.get(), name.name().strip());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FriendViews.Group rename(@PathParam("id") long id, @NotNull @Valid GroupName name) {
        return groups.rename(caller.get(), id, name.name().strip());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        groups.delete(caller.get(), id);
        return Response.noContent().build();
    }
}

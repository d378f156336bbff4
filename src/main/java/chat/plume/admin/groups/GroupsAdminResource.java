package chat.plume.admin.groups;

import chat.plume.admin.AdminRequests;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/groups}: search every group, a group's page, and the actions (each takes a
 * {@link GroupActionRequest} with a required reason and answers with the group as it is after).
 */
@Path("admin/groups")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class GroupsAdminResource {

    @Inject
    GroupsAdministration groups;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @GET
    public ResultPage<GroupRow> search(
            @QueryParam("q")
                    @DefaultValue("")
                    @Size(max = 64)
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String query,
            @QueryParam("dissolved")
                    @DefaultValue("false")
                    @Pattern(regexp = "^(true|false)$", message = "must be true or false")
                    String dissolved,
            @BeanParam @Valid PageParameters paging) {
        return groups.search(query, Boolean.parseBoolean(dissolved), paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public GroupRecord record(@PathParam("id") long id) {
        return groups.record(id);
    }

    @POST
    @Path("{id}/dissolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupRecord dissolve(@PathParam("id") long id, @NotNull @Valid GroupActionRequest request) {
        return act(id, GroupsAdministration.Action.DISSOLVE, request);
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupRecord transfer(@PathParam("id") long id, @NotNull @Valid GroupActionRequest request) {
        return act(id, GroupsAdministration.Action.TRANSFER, request);
    }

    @POST
    @Path("{id}/mute-all")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupRecord muteAll(@PathParam("id") long id, @NotNull @Valid GroupActionRequest request) {
        return act(id, GroupsAdministration.Action.MUTE_ALL, request);
    }

    @POST
    @Path("{id}/remove-member")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupRecord removeMember(@PathParam("id") long id, @NotNull @Valid GroupActionRequest request) {
        return act(id, GroupsAdministration.Action.REMOVE_MEMBER, request);
    }

    private GroupRecord act(long id, GroupsAdministration.Action action, GroupActionRequest request) {
        groups.act(caller.get(), id, action, request, AdminRequests.address(http));
        return groups.record(id);
    }
}

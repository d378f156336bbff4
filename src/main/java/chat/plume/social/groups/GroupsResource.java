package chat.plume.social.groups;

import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.rest.KeysetParameters;
import chat.plume.platform.rest.NextPage;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.TextRules;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/** {@code /groups}: chat groups, their members and their join requests. */
@Path("groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    ChatGroups groups;

    @Inject
    GroupMemberships memberships;

    @Inject
    GroupModeration moderation;

    @Inject
    CurrentCaller caller;

    /**
     * A page of the caller's groups, by id; when more follow, a {@code Link: <…?after=…>; rel="next"}
     * header names the next page.
     */
    @GET
    public Response mine(@BeanParam @Valid KeysetParameters paging, @Context UriInfo uri) {
        return NextPage.of(
                groups.mine(caller.get(), paging.after(), paging.limit()), paging.limit(), GroupViews.Group::id, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid GroupBodies.NewGroup group) {
        GroupViews.Group created = groups.create(
                caller.get(),
                group.name().strip(),
                blankToNull(group.description()),
                GroupBodies.policy(group.joinPolicy()),
                group.memberIds() == null ? List.of() : group.memberIds());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("search")
    public GroupViews.SearchPage search(
            @QueryParam("q")
                    @NotNull
                    @Size(min = 1, max = 64)
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String query,
            @BeanParam @Valid PageParameters paging) {
        return groups.search(caller.get(), query, paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public GroupViews.Group get(@PathParam("id") long id) {
        return groups.get(caller.get(), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Group describe(@PathParam("id") long id, @NotNull @Valid GroupBodies.Profile profile) {
        return groups.describe(
                caller.get(),
                id,
                profile.name().strip(),
                blankToNull(profile.description()),
                GroupBodies.policy(profile.joinPolicy()));
    }

    @DELETE
    @Path("{id}")
    public Response dissolve(@PathParam("id") long id) {
        groups.dissolve(caller.get(), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/announcement")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Group announce(@PathParam("id") long id, @NotNull @Valid GroupBodies.Announcement announcement) {
        return groups.announce(caller.get(), id, announcement.text());
    }

    @PUT
    @Path("{id}/nickname")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Member nickname(@PathParam("id") long id, @NotNull @Valid GroupBodies.Nickname nickname) {
        return moderation.setNickname(caller.get(), id, nickname.nickname());
    }

    /**
     * A page of the group's members by account id (for members only); {@code q}: only those whose
     * username, display name or group nickname contains it; {@code bots=true}: only its bots. When
     * more follow, a {@code Link: <…?after=…>; rel="next"} header names the next page.
     */
    @GET
    @Path("{id}/members")
    public Response members(
            @PathParam("id") long id,
            @BeanParam @Valid KeysetParameters paging,
            @QueryParam("q")
                    @Size(max = 32, message = "must be at most 32 characters")
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String q,
            @QueryParam("bots")
                    @DefaultValue("false")
                    @Pattern(regexp = "^(true|false)$", message = "must be true or false")
                    String bots,
            @Context UriInfo uri) {
        GroupModeration.MemberPage page = moderation.members(
                caller.get(),
                id,
                paging.after(),
                paging.limit(),
                q == null || q.isBlank() ? null : q.strip(),
                Boolean.parseBoolean(bots));
        return NextPage.of(page.members(), page.next(), uri);
    }

    /** Invites friends; answers with the invitations that wait for approval (empty: all joined). */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<GroupViews.JoinRequest> invite(
            @PathParam("id") long id, @NotNull @Valid GroupBodies.Invitation invitation) {
        return memberships.invite(caller.get(), id, invitation.userIds());
    }

    /** Removes a member; removing oneself is leaving the group. */
    @DELETE
    @Path("{id}/members/{userId}")
    public Response remove(@PathParam("id") long id, @PathParam("userId") long userId) {
        Caller me = caller.get();
        if (userId == me.accountId()) {
            memberships.leave(me, id);
        } else {
            memberships.remove(me, id, userId);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/members/{userId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Member role(
            @PathParam("id") long id, @PathParam("userId") long userId, @NotNull @Valid GroupBodies.RoleChange change) {
        return moderation.setRole(
                caller.get(), id, userId, GroupRole.valueOf(change.role().toUpperCase(Locale.ROOT)));
    }

    @PUT
    @Path("{id}/mute")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Group muteAll(@PathParam("id") long id, @NotNull @Valid GroupBodies.Mute mute) {
        return moderation.muteAll(caller.get(), id, mute.minutes());
    }

    @PUT
    @Path("{id}/members/{userId}/mute")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Member muteMember(
            @PathParam("id") long id, @PathParam("userId") long userId, @NotNull @Valid GroupBodies.Mute mute) {
        return moderation.muteMember(caller.get(), id, userId, mute.minutes());
    }

    @POST
    @Path("{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupViews.Group transfer(@PathParam("id") long id, @NotNull @Valid GroupBodies.Transfer transfer) {
        return groups.transfer(caller.get(), id, transfer.userId());
    }

    /** Asks to join; an open group answers with status "accepted" at once. */
    @POST
    @Path("{id}/join-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response join(@PathParam("id") long id, @NotNull @Valid GroupBodies.Join join) {
        GroupViews.JoinRequest request = memberships.requestToJoin(caller.get(), id, join.message());
        return Response.status(Response.Status.CREATED).entity(request).build();
    }

    /**
     * A page of the group's pending requests by id (owner and admins); when more follow, a
     * {@code Link: <…?after=…>; rel="next"} header names the next page.
     */
    @GET
    @Path("{id}/join-requests")
    public Response pending(@PathParam("id") long id, @BeanParam @Valid KeysetParameters paging, @Context UriInfo uri) {
        return NextPage.of(
                memberships.pendingRequests(caller.get(), id, paging.after(), paging.limit()),
                paging.limit(),
                GroupViews.JoinRequest::id,
                uri);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

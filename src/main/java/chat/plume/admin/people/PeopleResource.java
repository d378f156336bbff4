package chat.plume.admin.people;

import chat.plume.admin.AdminRequests;
import chat.plume.identity.boundary.AccountRecords;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.InvalidInputException;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/people}: search, a person's record, and the moderation actions. Every action
 * takes a {@link ModerationRequest} with a required reason and answers with the person's record
 * as it is afterwards.
 */
@Path("admin/people")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    PeopleAdministration people;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @GET
    public ResultPage<AccountRecords.Summary> search(
            @QueryParam("q")
                    @DefaultValue("")
                    @Size(max = 64)
                    @Pattern(regexp = TextRules.OPTIONAL_TEXT, message = TextRules.NO_CONTROL_CHARACTERS)
                    String query,
            @BeanParam @Valid PageParameters paging) {
        return people.search(query, paging.page(), paging.size());
    }

    @GET
    @Path("{id}")
    public PersonRecord record(@PathParam("id") long id) {
        return people.record(id);
    }

    @POST
    @Path("{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord ban(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.BAN, request);
    }

    @POST
    @Path("{id}/unban")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord unban(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.UNBAN, request);
    }

    @POST
    @Path("{id}/mute")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord mute(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.MUTE, request);
    }

    @POST
    @Path("{id}/unmute")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord unmute(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.UNMUTE, request);
    }

    @POST
    @Path("{id}/sign-out")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord signOut(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.SIGN_OUT, request);
    }

    /** Deactivate and purge (the spammer clean-up): ban for good, recall their messages of the period, withdraw their uploads. */
    @POST
    @Path("{id}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord purge(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new InvalidInputException("invalid_input", "from", "from must be before to.");
        }
        return act(id, PeopleAdministration.Action.PURGE, request);
    }

    /** Mails the person a password-reset link; 409 {@code no_verified_email} when they have no verified address. */
    @POST
    @Path("{id}/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord passwordReset(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.PASSWORD_RESET, request);
    }

    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonRecord role(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return act(id, PeopleAdministration.Action.ROLE, request);
    }

    private PersonRecord act(long id, PeopleAdministration.Action action, ModerationRequest request) {
        people.act(caller.get(), id, action, request, AdminRequests.address(http));
        people.followUp(caller.get(), id, action, request, AdminRequests.address(http));
        return people.record(id);
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.control.MailLanguage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /me}: the caller's own profile, email address and password. */
@Path("me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

    @Inject
    EmailAddresses emailAddresses;

    @Context
    HttpServletRequest http;

    @GET
    public OwnProfile profile() {
        return accounts.profile(caller.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public OwnProfile update(@NotNull @Valid ProfileUpdate update) {
        return accounts.updateProfile(caller.get(), update);
    }

    /** Mails a link to the address; it becomes the account's (verified) when the link is opened. */
    @PUT
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestEmail(
            @NotNull @Valid EmailRequest request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return Response.accepted(emailAddresses.request(caller.get(), request.email(), MailLanguage.of(language)))
                .build();
    }

    @DELETE
    @Path("email")
    public OwnProfile removeEmail() {
        return emailAddresses.remove(caller.get());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        accounts.changePassword(caller.get(), change, http.getRemoteAddr());
        return Response.noContent().build();
    }
}

package chat.plume.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /me}: the caller's own profile and password. */
@Path("me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller caller;

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

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@NotNull @Valid PasswordChange change) {
        accounts.changePassword(caller.get(), change, http.getRemoteAddr());
        return Response.noContent().build();
    }
}

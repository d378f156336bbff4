package chat.plume.identity.boundary;

import chat.plume.identity.control.MailLanguage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /accounts}: creating an account. Signing in is a separate step ({@code POST /sessions}). */
@Path("accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    Accounts accounts;

    @POST
    public Response register(
            @NotNull @Valid RegistrationRequest request, @Context UriInfo uri, @Context HttpServletRequest http) {
        OwnProfile created = accounts.register(
                request, http.getRemoteAddr(), MailLanguage.of(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        return Response.created(uri.getBaseUriBuilder()
                        .path("users")
                        .path(created.username())
                        .build())
                .entity(created)
                .build();
    }
}

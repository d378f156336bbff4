package chat.plume.identity.boundary;

import chat.plume.identity.control.MailLanguage;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /password-resets}: "forgot password". Asking mails a single-use link to the account's
 * verified address; the answer is 202 and the same whether or not the account exists.
 * Completing it with the link's token sets the new password and signs out every session.
 */
@Path("password-resets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetsResource {

    @Inject
    PasswordResets resets;

    @Context
    HttpServletRequest http;

    @POST
    public Response request(
            @NotNull @Valid PasswordResetRequest request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        resets.request(request.login(), http.getRemoteAddr(), MailLanguage.of(language));
        return Response.accepted(Json.createObjectBuilder()
                        .add("detail", "If that names an account with a verified email address, a link is on its way.")
                        .build())
                .build();
    }

    @POST
    @Path("complete")
    public Response complete(@NotNull @Valid NewPasswordRequest request) {
        resets.complete(request.token(), request.newPassword(), http.getRemoteAddr());
        return Response.noContent().build();
    }
}

package chat.plume.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /me/two-factor}: the caller's two-factor authentication — its state, enrolment (start,
 * then confirm with a first code) and switching it off. (Stepping a session up with a code is
 * {@code POST /sessions/current/verify}, in {@link SessionsResource}.) A root path of its own
 * rather than a sub-path of {@code /me}: JAX-RS picks the root resource first, by its path.
 */
@Path("me/two-factor")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TwoFactorResource {

    @Inject
    TwoFactor twoFactor;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    /** A code from the authenticator app (six digits) or a recovery code. */
    public record CodeRequest(@NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "CodeRequest";
        }
    }

    /** Starting enrolment: the password. */
    public record PasswordRequest(
            @NotNull @Size(max = AccountRules.PASSWORD_MAX) String password) {
        @Override
        public String toString() {
            return "PasswordRequest";
        }
    }

    /** Switching off: the password and a code. */
    public record DisableRequest(
            @NotNull @Size(max = AccountRules.PASSWORD_MAX) String password,
            @NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() {
            return "DisableRequest";
        }
    }

    @GET
    public TwoFactor.Status status() {
        return twoFactor.status(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public TwoFactor.Enrolment begin(@NotNull @Valid PasswordRequest request) {
        return twoFactor.begin(caller.get(), request.password(), http.getRemoteAddr());
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public TwoFactor.Confirmed confirm(@NotNull @Valid CodeRequest request) {
        return twoFactor.confirm(caller.get(), request.code().strip(), http.getRemoteAddr());
    }

    @POST
    @Path("disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response disable(@NotNull @Valid DisableRequest request) {
        twoFactor.disable(caller.get(), request.password(), request.code(), http.getRemoteAddr());
        return Response.noContent().build();
    }
}

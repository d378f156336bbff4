package chat.plume.identity.boundary;

import chat.plume.identity.control.IdentitySettings;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /sessions}: sign in (which also sets the HttpOnly session cookie for the page), list
 * one's signed-in devices, sign out this device, another device, or everywhere.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    IdentitySettings settings;

    @Inject
    CurrentCaller caller;

    @Inject
    TwoFactor twoFactor;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@NotNull @Valid SignInRequest request) {
        SignedIn signedIn = sessions.signIn(request, http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
        long maxAge = Math.max(
                0, Duration.between(Instant.now(), signedIn.expiresAt()).toSeconds());
        // A browser (it sends Origin) gets the token only in the HttpOnly cookie, where no script
        // on the page can read it; API clients get it in the body.
        SignedIn body = http.getHeader("Origin") == null ? signedIn : signedIn.withoutToken();
        return Response.status(Response.Status.CREATED)
                .entity(body)
                .cookie(cookie(signedIn.token(), maxAge))
                .build();
    }

    @GET
    @Authenticated
    public List<DeviceSession> devices() {
        return sessions.devices(caller.get());
    }

    @DELETE
    @Path("current")
    @Authenticated
    public Response signOut() {
        Caller me = caller.get();
        sessions.signOut(me, me.sessionId());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** Steps this session up with a code: just verified, with a second factor (for sensitive admin actions). */
    @POST
    @Path("current/verify")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(@NotNull @Valid TwoFactorResource.CodeRequest request) {
        twoFactor.stepUp(caller.get(), request.code(), http.getRemoteAddr());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public Response signOutDevice(@PathParam("id") long id) {
        Caller me = caller.get();
        sessions.signOut(me, id);
        Response.ResponseBuilder response = Response.noContent();
        return (id == me.sessionId() ? response.cookie(cookie("", 0)) : response).build();
    }

    @DELETE
    @Authenticated
    public Response signOutEverywhere() {
        sessions.signOutEverywhere(caller.get());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure on HTTPS. */
    private NewCookie cookie(String value, long maxAgeSeconds) {
        return new NewCookie.Builder(SessionCredentials.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(http.isSecure() || settings.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAgeSeconds))
                .build();
    }
}

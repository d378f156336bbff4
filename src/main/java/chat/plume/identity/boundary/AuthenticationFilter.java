package chat.plume.identity.boundary;

import chat.plume.platform.error.NotAuthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Resolves the caller of every {@link Authenticated} resource from its session token and puts
 * it in {@link CurrentCaller} (and in the request's {@link SecurityContext}, so that
 * {@code isUserInRole} works).
 * No token, an unknown, expired or revoked one: 401 {@code unauthenticated}.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Sessions sessions;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = SessionCredentials.token(
                        request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        request.getHeaders().get(HttpHeaders.COOKIE))
                .flatMap(sessions::authenticate)
                .orElseThrow(() -> new NotAuthenticatedException("unauthenticated", "Sign in first."));
        current.authenticated(caller);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().name().equalsIgnoreCase(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}

package chat.plume.identity.boundary;

import chat.plume.identity.entity.Role;
import chat.plume.platform.error.AccessDeniedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses every {@link AdminOnly} request whose caller is not an administrator, with 403
 * {@code admin_only}. Runs after {@link AuthenticationFilter} (which answers 401 without a
 * session); the role is the one read with the session on this very request, so a revoked role
 * takes effect at once. An administrator whose session has no second factor gets 403
 * {@code second_factor_required} when {@link AdminPolicy} asks for one.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = current.get();
        if (caller.role() != Role.ADMIN) {
            throw new AccessDeniedException("admin_only", "Only administrators may do this.");
        }
        AdminPolicy.requireSecondFactor(caller);
    }
}

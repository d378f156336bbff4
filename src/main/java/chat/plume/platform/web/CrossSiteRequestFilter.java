package chat.plume.platform.web;

import chat.plume.platform.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses state-changing REST requests sent by a page of a foreign origin (cross-site request
 * forgery), before anything else runs. The session cookie is already {@code SameSite=Strict};
 * this is the second line.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteRequestFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final OriginPolicy origins = OriginPolicy.fromConfiguration();

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (!origins.allows(origin, request.getHeaderString(HttpHeaders.HOST))) {
            request.abortWith(Problem.of(403, "forbidden_origin",
                    "Requests from this origin are not allowed.", null).toResponse().build());
        }
    }
}

package chat.plume.platform.web;

import chat.plume.platform.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * Refuses state-changing REST requests that a page of a foreign origin could have made (cross-site
 * request forgery), before anything else runs. The session cookie is already
 * {@code SameSite=Strict}; this is the second line, and it does not rest on that attribute:
 *
 * <ul>
 *   <li>an {@code Origin} must be this server's own or an allowed one, whatever else the request
 *       carries;
 *   <li>a request that would be authenticated by the cookie (it carries the session cookie and no
 *       {@code Authorization} header) must also <em>prove</em> it is same-origin: a same-origin
 *       {@code Origin}, or {@code Sec-Fetch-Site: same-origin}. Browsers send one of them on every
 *       unsafe request; a request with the cookie and neither (or only a {@code Referer}, which
 *       proves nothing) is refused.
 * </ul>
 *
 * Bearer-token clients are unaffected: a foreign page cannot attach an {@code Authorization} header
 * without the token, which it cannot read.
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
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (!origins.allows(origin, host)) {
            refuse(request);
        } else if (origin == null
                && cookieAuthenticated(request)
                && !"same-origin".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            refuse(request);
        }
    }

    /**
     * Whether the session cookie is what would authenticate the request: it carries the cookie
     * and no bearer token (any other {@code Authorization}, e.g. a proxy's Basic credentials that
     * a browser attaches by itself, leaves the cookie in charge).
     */
    private static boolean cookieAuthenticated(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        List<String> cookies = request.getHeaders().get(HttpHeaders.COOKIE);
        return cookies != null && cookies.stream().anyMatch(SessionCookie::isIn);
    }

    private static void refuse(ContainerRequestContext request) {
        request.abortWith(Problem.of(403, "forbidden_origin", "Requests from this origin are not allowed.", null)
                .toResponse()
                .build());
    }
}

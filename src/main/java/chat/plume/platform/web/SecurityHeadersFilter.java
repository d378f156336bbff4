package chat.plume.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds the security headers every response needs.
 *
 * <p>The Content-Security-Policy forbids inline script and anything from another origin: the
 * page is plain ES modules from this WAR, so a script injected through user content has
 * nowhere to run. {@code connect-src 'self'} covers the same-origin WebSocket in current
 * browsers. Camera and microphone stay allowed for this origin only, for calls.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=(), payment=()");
        if (request.isSecure() && request.getServerPort() == 443) {
            // Only on the standard port: HSTS holds for a host on every port, and the run command's
            // HTTPS port (8443, for calls from other devices) sits beside plain HTTP on 8080.
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/v1/media/")
                || path.startsWith(request.getContextPath() + "/api/v1/avatars/")) {
            // Media set their own: private, revalidated by ETag (access can be revoked).
            chain.doFilter(request, response);
            return;
        } else if (path.startsWith(request.getContextPath() + "/api/")) {
            // Personal data: never kept by shared caches or the browser's back/forward cache.
            response.setHeader("Cache-Control", "no-store");
        } else {
            // Page assets: always revalidated, so a deployment is picked up at the next load.
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}

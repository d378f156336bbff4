package chat.plume.platform.rest;

import chat.plume.platform.metrics.Metrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Times every REST request and counts it by method, route and status. The route is the matched
 * resource's path template ({@code /conversations/{id}/messages}), never the request's own path,
 * so ids do not become labels; a request that matched nothing counts as {@code unmatched}.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetricsFilter.class.getName() + ".started";

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (started instanceof Long since) {
            metrics.httpRequest(request.getMethod(), route(), response.getStatus(), System.nanoTime() - since);
        }
    }

    private String route() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return "unmatched";
        }
        // The container may hand over its proxy subclass, which carries no annotations.
        Path base = null;
        Path sub = method.getAnnotation(Path.class);
        for (Class<?> c = type; c != null && c != Object.class && base == null; c = c.getSuperclass()) {
            base = c.getAnnotation(Path.class);
            if (base != null && sub == null) {
                try {
                    sub = c.getDeclaredMethod(method.getName(), method.getParameterTypes())
                            .getAnnotation(Path.class);
                } catch (NoSuchMethodException e) {
                    // Declared further up.
                }
            }
        }
        return "/" + (base == null ? "" : strip(base.value())) + (sub == null ? "" : "/" + strip(sub.value()));
    }

    private static String strip(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}

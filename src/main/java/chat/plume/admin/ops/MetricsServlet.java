package chat.plume.admin.ops;

import chat.plume.platform.metrics.Metrics;
import chat.plume.platform.rest.Problem;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code GET /metrics}: the node's figures in the Prometheus text format (version 0.0.4),
 * written by the Prometheus client library through Micrometer. Allowed from the configured
 * addresses or with the configured bearer token ({@link MetricsAccess}); everyone else gets 403
 * {@code metrics_forbidden} as a problem detail.
 */
@WebServlet(urlPatterns = "/metrics", asyncSupported = true)
public class MetricsServlet extends HttpServlet {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    private MetricsAccess access;

    @Override
    public void init() {
        access = MetricsAccess.fromSettings();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
        if (!access.allows(request.getRemoteAddr(), request.getHeader("Authorization"), forwarded)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            Problem problem = Problem.of(
                    403,
                    "metrics_forbidden",
                    "Metrics are served to the configured addresses or with the metrics token.",
                    null);
            try (Jsonb json = JsonbBuilder.create(new JsonbConfig().withNullValues(false))) {
                response.getWriter().write(json.toJson(problem));
            } catch (Exception e) {
                throw new IOException(e);
            }
            return;
        }
        response.setContentType(TEXT_FORMAT);
        try (OutputStream out = response.getOutputStream()) {
            metrics.registry().scrape(out, TEXT_FORMAT);
        }
    }
}

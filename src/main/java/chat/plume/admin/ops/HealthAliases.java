package chat.plume.admin.ops;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /health/ready} and {@code /health/live} at the root, where load balancers and
 * orchestrators look for them, answered by the API's own probes ({@code /api/v1/health/…}).
 */
@WebServlet(urlPatterns = {"/health", "/health/ready", "/health/live"})
public class HealthAliases extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getServletPath();
        request.getRequestDispatcher("/api/v1" + path).forward(request, response);
    }
}

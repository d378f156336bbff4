package chat.plume.admin;

import static chat.plume.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Person;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Who may reach the admin API: the routes are read from the resource classes of
 * {@code chat.plume.admin} (not listed by hand, so a new route is covered the day it is written),
 * and each one is called with no session (401), as a person who is not an administrator (403
 * {@code admin_only}, before anything else is looked at) and as the administrator (neither).
 */
@RunAsClient
class AdminAccessIT extends ClientTestBase {

    /** {@code streams}: the route answers with an endless event stream (not read to its end here). */
    record Route(String method, String path, boolean streams) {}

    @Test
    void everyAdminRouteRefusesEveryoneButAdministrators() throws Exception {
        List<Route> routes = adminRoutes();
        assertThat(routes).as("admin routes found").hasSizeGreaterThanOrEqualTo(10);
        Person someone = Person.create(api, "NotAdmin");
        Person admin = Person.admin(api);
        // An administrator whose session has no second factor: refused too (plume.admin.require-2fa).
        Person halfAdmin = Person.create(api, "NoSecondFactor");
        Person.ok(
                200,
                admin.put(
                        "/admin/people/" + halfAdmin.id() + "/role",
                        Json.object("reason", "access matrix", "role", "admin")));
        for (Route route : routes) {
            String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
            assertProblem(api.send(route.method(), route.path(), body, null), 401, "unauthenticated");
            HttpResponse<String> refused = api.send(route.method(), route.path(), body, someone.token());
            assertThat(refused.statusCode()).as(route.toString()).isEqualTo(403);
            assertProblem(refused, 403, "admin_only");
            assertProblem(
                    api.send(route.method(), route.path(), body, halfAdmin.token()), 403, "second_factor_required");
            if (!route.streams()) {
                int asAdmin = api.send(route.method(), route.path(), body, admin.token())
                        .statusCode();
                assertThat(asAdmin).as(route + " as the administrator").isNotIn(401, 403, 405, 500);
            }
        }
    }

    /** Every JAX-RS operation under {@code admin/…} in the built classes. */
    static List<Route> adminRoutes() throws IOException, ClassNotFoundException {
        List<Route> routes = new ArrayList<>();
        java.nio.file.Path compiled = java.nio.file.Path.of("target/classes");
        List<String> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(compiled.resolve("chat/plume/admin"))) {
            classes = files.map(f -> compiled.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
        for (String name : classes) {
            Class<?> type = Class.forName(name);
            Path base = type.getAnnotation(Path.class);
            if (base == null || !base.value().startsWith("admin")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class)
                        ? "GET"
                        : method.isAnnotationPresent(POST.class)
                                ? "POST"
                                : method.isAnnotationPresent(PUT.class)
                                        ? "PUT"
                                        : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = "/" + base.value() + (sub == null ? "" : "/" + sub.value());
                // Any id will do: the refusal must come before the id is looked at.
                Produces produces = method.getAnnotation(Produces.class);
                boolean streams = produces != null && List.of(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
                routes.add(new Route(verb, path.replaceAll("\\{[^}]+}", "1"), streams));
            }
        }
        return routes;
    }
}

package chat.plume.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Leg;
import chat.plume.testing.Person;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Random bodies, parameters and content types at every route of the OpenAPI document, as a
 * signed-in person: the server never answers 5xx, every refusal is a problem detail with a code,
 * and afterwards it still serves a well-behaved client. Seeded: the seed is printed, and
 * {@code -Dplume.fuzz.seed=N} replays a run.
 */
@RunAsClient
class RestFuzzIT extends ClientTestBase {

    private static final Pattern PATH = Pattern.compile("^  (/[^ ]*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete):");
    private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z]+\\}");
    private static final List<String> FIELDS = List.of(
            "username",
            "displayName",
            "password",
            "currentPassword",
            "newPassword",
            "userId",
            "groupId",
            "message",
            "name",
            "description",
            "joinPolicy",
            "memberIds",
            "role",
            "remark",
            "contactGroupId",
            "announcement",
            "nickname",
            "until",
            "pinned",
            "muted",
            "gender",
            "phone",
            "signature",
            "birthday",
            "region",
            "userIds",
            "accept");
    /** Routes that would end the fuzzing person's own session; they are fuzzed with a throwaway one. */
    private static final List<String> SIGN_OUT =
            List.of("/sessions", "/sessions/current", "/sessions/{id}", "/me/password");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // see Api
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    record Route(String method, String path) {}

    @Test
    void noRouteAnswersAnyBodyWithAServerError() throws Exception {
        long seed = Long.getLong("plume.fuzz.seed", System.nanoTime());
        System.out.println("RestFuzzIT seed " + seed + " (replay with -Dplume.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(40);
        Person person = Person.create(api, "Fuzz");
        Person friend = Person.create(api, "FuzzFriend");
        Person.befriend(person, friend);
        for (int i = 0; i < 700; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            String token = SIGN_OUT.contains(route.path())
                    ? Person.create(api, "Throwaway").token()
                    : person.token();
            String path = fill(route.path(), random, person, friend);
            String query = random.nextInt(3) == 0 ? "?" + randomQuery(random) : "";
            String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : randomBody(random);
            String type = switch (random.nextInt(8)) {
                case 0 -> "text/plain";
                case 1 -> "application/xml";
                default -> "application/json";
            };
            HttpResponse<String> answer;
            try {
                answer = send(route.method(), path + query, body, type, token);
            } catch (HttpTimeoutException e) {
                throw new AssertionError(
                        String.format(
                                "no answer in 30 s to %s %s%s, %s %s (seed %d, request %d)",
                                route.method(), path, query, type, body, seed, i),
                        e);
            }
            assertThat(answer.statusCode())
                    .as("%s %s%s (seed %d, request %d): %s", route.method(), path, query, seed, i, answer.body())
                    .isLessThan(500);
            // Payara's HTTP layer (Grizzly) refuses a path with an encoded NUL itself, with a bare
            // 400, before any application sees the request.
            boolean refusedByPayara = Leg.payara() && answer.statusCode() == 400 && path.contains("%00");
            if (answer.statusCode() >= 400 && answer.statusCode() != 405 && !refusedByPayara) {
                assertThat(answer.body())
                        .as(
                                "a problem body for %d %s %s%s (seed %d)",
                                answer.statusCode(), route.method(), path, query, seed)
                        .isNotBlank();
                assertThat(Json.parse(answer.body()).getString("code", null))
                        .as("a problem with a code for %s %s (seed %d)", route.method(), path, seed)
                        .isNotBlank();
            }
        }
        assertThat(Api.json(Api.expect(200, person.get("/me"))).getString("username"))
                .isEqualTo(person.username());
        Api.expect(200, api.send("GET", "/health", null, null));
    }

    private HttpResponse<String> send(String method, String path, String body, String type, String token)
            throws IOException, InterruptedException {
        URI base = api.base();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Route> routes() throws IOException {
        List<Route> routes = new ArrayList<>();
        String path = null;
        for (String line : Files.readAllLines(Path.of("src/main/webapp/openapi.yaml"))) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                routes.add(new Route(m.group(1).toUpperCase(), path));
            }
        }
        return routes;
    }

    /** Path parameters: real ids half the time, hostile values otherwise. */
    private static String fill(String path, Random random, Person person, Person friend) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String value = switch (random.nextInt(8)) {
                case 0 -> Long.toString(person.id());
                case 1 -> Long.toString(friend.id());
                case 2 -> friend.username();
                case 3 -> "-1";
                case 4 -> "99999999999999999999999";
                case 5 -> "%00";
                case 6 -> "x".repeat(300);
                default -> Integer.toString(random.nextInt(50));
            };
            parameter.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(filled);
        return filled.toString();
    }

    private static String randomQuery(Random random) {
        String[] keys = {"q", "page", "size", "limit", "after", "before", "cursor", "conversation", "name"};
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            if (i > 0) {
                query.append('&');
            }
            query.append(keys[random.nextInt(keys.length)]).append('=');
            query.append(
                    switch (random.nextInt(7)) {
                        case 0 -> "-5";
                        case 1 -> "abc";
                        case 2 -> "%E4%BD%A0";
                        case 3 -> "9".repeat(25);
                        case 4 -> "";
                        // A NUL byte: PostgreSQL refuses it in any text parameter (a 500 unless checked).
                        case 5 -> "a%00b";
                        default -> Integer.toString(random.nextInt(300));
                    });
        }
        return query.toString();
    }

    /** A JSON object of known field names with values of any type, or something that is not one. */
    private static String randomBody(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return "";
            case 1:
                return "{\"unterminated\": ";
            case 2:
                return "[1,2,3]";
            case 3:
                return "null";
            case 4:
                return "[".repeat(3000);
            default:
                StringBuilder body = new StringBuilder("{");
                int fields = random.nextInt(6);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        body.append(',');
                    }
                    body.append('"')
                            .append(FIELDS.get(random.nextInt(FIELDS.size())))
                            .append("\":");
                    body.append(randomValue(random, 0));
                }
                return body.append('}').toString();
        }
    }

    private static String randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "1e400";
            case 4 -> "-0.5";
            case 5 -> "\"" + "长".repeat(random.nextInt(20)) + "\"";
            case 6 -> "\"" + "x".repeat(random.nextInt(70_000)) + "\"";
            case 7 -> "\"<script>alert(1)</script>\"";
            case 8 -> "\"2026-13-45\"";
            case 9 -> "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
            default -> "{\"a\":" + randomValue(random, depth + 1) + "}";
        };
    }
}

package chat.plume.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of Plume's REST API for black-box tests. */
public final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1, as browsers speak it without TLS: Payara's Grizzly never answers a
            // cleartext HTTP/2 upgrade (the JDK client's default) whose body is 64 KB or more.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public Api(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> send(String method, String path, String body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> register(String username, String displayName, String password) {
        return send(
                "POST",
                "/accounts",
                Json.object("username", username, "displayName", displayName, "password", password),
                null);
    }

    public HttpResponse<String> signIn(String username, String password) {
        return send("POST", "/sessions", Json.object("username", username, "password", password), null);
    }

    /** Signs in and returns the new session's token. */
    public String token(String username, String password) {
        return Json.parse(expect(201, signIn(username, password)).body()).getString("token");
    }

    /** Registers a fresh account and signs it in; returns its token. */
    public String newSignedInUser(String prefix) {
        String username = Names.unique(prefix);
        expect(201, register(username, "Tester " + username, "pass-" + username));
        return token(username, "pass-" + username);
    }

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    "Expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }
}

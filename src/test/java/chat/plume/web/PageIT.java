package chat.plume.web;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The page is served at the root with the security headers, and the API description beside it. */
@RunAsClient
class PageIT extends ClientTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageIsAtTheRootWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/js/app.js\">");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Server")).isEmpty();
        assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void scriptsAreServedAsJavaScriptAndTheApiDescriptionIsPublished() throws Exception {
        assertThat(get("/js/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        HttpResponse<String> openapi = get("/openapi.yaml");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).startsWith("openapi: 3.1.0");
        HttpResponse<String> health = get("/api/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theAppIsInstallableAndItsServiceWorkerIsVersionedByTheBuild() throws Exception {
        HttpResponse<String> manifest = get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type")).hasValue("application/manifest+json");
        assertThat(manifest.body())
                .contains("\"display\": \"standalone\"", "/icons/icon-192.png", "/icons/icon-512.png");
        assertThat(get("/icons/icon-512.png").statusCode()).isEqualTo(200);
        HttpResponse<String> worker = get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.body()).containsPattern("const VERSION = '[0-9A-Za-z.-]+-\\d{14}';");
        assertThat(worker.body()).doesNotContain("${plume.build}");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url.toURI().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package chat.plume.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.Json;
import chat.plume.testing.Leg;
import chat.plume.testing.Person;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The run command serves HTTPS on a second port with a certificate made at the first start
 * (browsers give camera and microphone only to secure pages, and a phone on the network is not
 * "localhost"): the page, the API and the WebSocket all work there, the WebSocket over wss from
 * that origin. WildFly legs (Payara Micro's HTTPS is its own, see the README).
 */
@RunAsClient
class SecureOriginIT extends ClientTestBase {

    /** The certificate is self-signed: this test checks what it is, then trusts it. */
    private static final X509Certificate[] SEEN = new X509Certificate[1];

    private static SSLContext trustingSelfSigned() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {
                            SEEN[0] = chain[0];
                        }

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return context;
    }

    @Test
    void thePageTheApiAndTheWebSocketWorkOverHttpsWithACertificateMadeAtFirstStart() throws Exception {
        assumeFalse(Leg.payara(), "Payara Micro serves HTTPS only with --sslPort (README)");
        int offset = Integer.getInteger("plume.it.port-offset", 0);
        URI secure = URI.create("https://localhost:" + (8443 + offset));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trustingSelfSigned())
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> page =
                client.send(HttpRequest.newBuilder(secure.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Plume</title>");
        assertThat(SEEN[0].getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(SEEN[0].getIssuerX500Principal()).isEqualTo(SEEN[0].getSubjectX500Principal());
        SSLSession session = page.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2");

        Person anna = Person.create(api, "Secure");
        HttpResponse<String> me = client.send(
                HttpRequest.newBuilder(secure.resolve("/api/v1/me"))
                        .header("Authorization", "Bearer " + anna.token())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        // Never pinned to HTTPS for good: the same host serves plain HTTP on its other port.
        assertThat(me.headers().firstValue("Strict-Transport-Security")).isEmpty();

        CompletableFuture<String> welcome = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + anna.token())
                .header("Origin", secure.toString())
                .buildAsync(URI.create("wss://localhost:" + (8443 + offset) + "/ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(
                            WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            welcome.complete(text.toString());
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        JsonObject first = Json.parse(welcome.get(10, TimeUnit.SECONDS));
        assertThat(first.getString("type")).isEqualTo("welcome");
        assertThat(first.getJsonObject("user").getJsonNumber("id").longValue()).isEqualTo(anna.id());
        socket.abort();
    }
}

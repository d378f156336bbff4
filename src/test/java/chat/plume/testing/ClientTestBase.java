package chat.plume.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box ITs: the built WAR deployed to the managed WildFly, and a REST client
 * pointed at it. Subclasses add {@code @RunAsClient}: they talk to the server over HTTP and
 * WebSocket like any client.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ClientTestBase {

    @ArquillianResource
    protected URL url;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.plume();
    }

    @BeforeEach
    void connectClient() throws Exception {
        // Always loopback: Payara's adapter reports the machine's network address, and a page
        // served from a plain-HTTP non-loopback origin is not a secure context (no
        // crypto.randomUUID, no service worker) — the page would break for the test's reasons.
        url = new URL("http", "127.0.0.1", url.getPort(), url.getFile());
        api = new Api(url.toURI());
    }
}

package chat.plume.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * Payara Micro kept running between test classes that deploy the same archive. The adapter
 * starts a Payara Micro process for each deployment and stops it at undeploy: ~20 s for every
 * black-box test class, a third of the whole test run, for the very same WAR each time. Here an
 * undeploy is put off; the next deployment reuses the running server when it is the same archive
 * (the same entries: every {@link ClientTestBase} class) and the server still answers its health
 * check, and otherwise stops it and starts afresh (in-container tests add their own classes).
 * WildFly needs none of this: its adapter starts the server once and deploys into it.
 *
 * <p>What a class leaves in the server's memory (throttles, caches) is then seen by the next
 * class, as the database already is on every leg; the tests are written for a shared server.
 */
public class ReusedPayaraMicro extends PayaraMicroDeployableContainer {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Archive<?> running;
    private List<String> runningEntries;
    private ProtocolMetaData runningMetaData;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        List<String> entries = entries(archive);
        if (running != null) {
            if (entries.equals(runningEntries) && answers()) {
                return runningMetaData;
            }
            stopRunning();
        }
        ProtocolMetaData metaData = super.deploy(archive);
        running = archive;
        runningEntries = entries;
        runningMetaData = metaData;
        return metaData;
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // Put off until a different deployment comes, or the suite ends (stop).
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("Stopping Payara Micro failed", e);
        } finally {
            super.stop();
        }
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> archive = running;
            running = null;
            runningEntries = null;
            runningMetaData = null;
            super.undeploy(archive);
        }
    }

    /** Every entry with a checksum of its bytes: the same paths with other content is another archive. */
    private static List<String> entries(Archive<?> archive) {
        return archive.getContent().entrySet().stream()
                .map(e -> e.getKey() + ":" + checksum(e.getValue().getAsset()))
                .sorted()
                .toList();
    }

    private static long checksum(Asset asset) {
        if (asset == null) {
            return 0; // a directory
        }
        CRC32 crc = new CRC32();
        try (InputStream in = asset.openStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crc.getValue();
    }

    /** Whether the running server still serves (a test may have stopped or broken it). */
    private static boolean answers() {
        String base = System.getProperty("plume.it.base-url", "http://127.0.0.1:8180");
        try {
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

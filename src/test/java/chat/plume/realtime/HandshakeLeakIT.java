package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import chat.plume.testing.WsClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Thousands of connections opened and closed leave nothing behind on the server. Every
 * handshake used to leave a bean instance with its creational context (~1.2 KiB) that nothing
 * destroyed: after 63,712 handshakes the live heap held 63,724 of them. Counted in the test
 * server's live heap with {@code jcmd GC.class_histogram} (which collects first).
 */
@RunAsClient
class HandshakeLeakIT extends ClientTestBase {

    private static final String CREATIONAL_CONTEXT = "org.jboss.weld.contexts.CreationalContextImpl";

    @Test
    void openingAndClosingConnectionsLeavesNoBeansBehind() throws Exception {
        String token = api.newSignedInUser("Churn");
        long server = testServerPid();
        churn(token, 200);
        long before = liveInstances(server, CREATIONAL_CONTEXT);
        churn(token, 2000);
        long after = liveInstances(server, CREATIONAL_CONTEXT);
        assertThat(after - before)
                .as("creational contexts left by 2,000 handshakes")
                .isLessThan(200);
    }

    /** Opens and closes {@code count} connections, a few at a time, each after its welcome. */
    private void churn(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                done.add(pool.submit(() -> {
                    // What is measured is what handshakes leave behind, not how fast they are: a
                    // handshake that a loaded server (Payara Micro on two cores) answers too late
                    // is tried once more rather than failing the count.
                    WsClient client = WsClient.tryConnect(api.base(), token);
                    if (client == null) {
                        client = WsClient.connect(api.base(), token);
                    }
                    try (WsClient open = client) {
                        open.next("welcome", Duration.ofSeconds(10));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The server Arquillian started for this leg of the matrix (WildFly or Payara): the JVM started
     * with this leg's marker (arquillian.xml).
     */
    private static long testServerPid() {
        String marker = "-Dplume.it.leg=" + System.getProperty("plume.it.leg");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains(marker))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No test server with " + marker));
    }

    /** Live instances of a class after a full collection ({@code GC.class_histogram} collects first). */
    private static long liveInstances(long pid, String className) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String histogram = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(histogram).isZero();
        return histogram
                .lines()
                .map(String::trim)
                .map(l -> l.split("\\s+"))
                .filter(cols -> cols.length >= 4 && cols[3].equals(className))
                .mapToLong(cols -> Long.parseLong(cols[1]))
                .sum();
    }
}

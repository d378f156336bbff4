package chat.plume.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Plume server of its own for tests that must stop and start it: the provisioned WildFly
 * (target/server) run with a private copy of its {@code standalone/} directory, the built WAR
 * dropped into its deployments, its own ports and its own data directory. Started with the
 * server's own launch script, as an operator would.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern MANAGED_DEPLOYMENTS =
            Pattern.compile("\\s*<deployments>.*?</deployments>", Pattern.DOTALL);

    private final Path home;
    private final Path base;
    private final Path data;
    private final int portOffset;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;

    public ServerProcess(Path workDir, int portOffset) {
        this.home =
                Path.of(System.getProperty("plume.server.dir", "target/server")).toAbsolutePath();
        this.base = workDir.resolve("standalone").toAbsolutePath();
        this.data = workDir.resolve("data").toAbsolutePath();
        this.portOffset = portOffset;
        if (PostgreSqlLeg.active()) {
            // A database of its own, as its own H2 file elsewhere: this server must not share the
            // Arquillian server's data (two nodes on one database are the scale-out issue's).
            String database = "plume_it_" + workDir.getFileName().toString().replaceAll("[^a-z0-9]", "_");
            PostgreSqlLeg.recreate(database);
            environment.put("PLUME_DB_NAME", database);
        }
        try {
            deleteRecursively(workDir);
            copyRecursively(home.resolve("standalone"), base);
            forgetManagedDeployments(base.resolve("configuration").resolve("standalone.xml"));
            Files.copy(
                    Path.of(System.getProperty("plume.war", "target/plume.war")),
                    base.resolve("deployments").resolve("plume.war"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets ({@code value} non-null) or removes ({@code null}) an environment variable of the server
     * to be started (it otherwise inherits the tests' environment).
     */
    public ServerProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The server's console output so far. */
    public String console() {
        try {
            Path log = base.resolve("console.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset));
    }

    /** Starts the server and waits until Plume answers its health probe. */
    public void start(Duration timeout) {
        launch();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Await.until(timeout, "Plume to answer on " + base(), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited; see " + base.resolve("console.log"));
            }
            return status(http, "/api/v1/health") == 200;
        });
    }

    /**
     * Starts the server and waits until its console shows {@code line} (e.g. a deployment
     * failing); does not wait for Plume.
     */
    public void startUntilConsoleShows(String line, Duration timeout) {
        launch();
        Await.until(
                timeout, "the server's console to show " + line, () -> console().contains(line));
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        return status(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), path);
    }

    private int status(HttpClient http, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(base().resolve(path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dplume.data.dir=" + data));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        base.resolve("console.log").toFile()));
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx512m");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the server's JVM outright (SIGKILL, no shutdown hooks): whatever was committed must
     * already be on disk.
     */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> p.onExit().join());
        process = null;
    }

    @Override
    public void close() {
        kill();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                String top =
                        relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (top.equals("data") || top.equals("log") || top.equals("tmp")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * A {@code wildfly:run} (the README's run command) registers the WAR in the provisioned
     * server's configuration, with its content under {@code data/}, which is not copied: the copy
     * would then fail to boot on a deployment it cannot find beside the one in
     * {@code deployments/}. This server deploys only what is dropped there.
     */
    private static void forgetManagedDeployments(Path configuration) throws IOException {
        String xml = Files.readString(configuration);
        String without = MANAGED_DEPLOYMENTS.matcher(xml).replaceAll("");
        if (!without.equals(xml)) {
            Files.writeString(configuration, without);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

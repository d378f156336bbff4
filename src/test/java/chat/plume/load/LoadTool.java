package chat.plume.load;

import java.net.URI;
import java.time.Duration;

/**
 * Runs a load scenario against a running Plume and prints what it measured:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=chat.plume.load.LoadTool \
 *     -Dexec.args="direct http://localhost:8080 PAIRS RATE SECONDS"
 * </pre>
 * The server must allow the sign-ups the run needs
 * ({@code -Dplume.signup.max-per-address-per-hour=100000}). Only {@code direct} exists so far.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !args[0].equals("direct")) {
            System.err.println("usage: direct BASE_URL PAIRS RATE_PER_SECOND SECONDS");
            System.exit(2);
        }
        DirectScenario.Result result = new DirectScenario(URI.create(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Duration.ofSeconds(Long.parseLong(args[4]))).run();
        System.out.println("direct " + result);
        System.exit(result.lost() == 0 && result.duplicated() == 0 ? 0 : 1);
    }
}

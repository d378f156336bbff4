package chat.plume.load;

import chat.plume.testing.Api;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one load scenario against a running Plume and prints what it measured:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=chat.plume.load.LoadTool \
 *     -Dexec.args="SCENARIO BASE_URL [key=value ...]"
 * </pre>
 * Scenarios: {@code idle}, {@code direct}, {@code group}, {@code reconnect} (their options are in
 * their classes and in docs/benchmarks.md). Common options: {@code server=PID} measures the
 * server process too; {@code population=FILE} keeps the signed-up accounts between runs
 * (default {@code target/load-population.tsv}; {@code none} keeps nothing). Exits 1 if anything
 * was lost or duplicated, 2 on bad arguments.
 */
public final class LoadTool {

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "idle",
            new IdleScenario(),
            "direct",
            new DirectScenario(),
            "group",
            new GroupScenario(),
            "reconnect",
            new ReconnectScenario(),
            "fill",
            new FillScenario(),
            "session",
            new SessionScenario(),
            "storm",
            new StormScenario());

    private LoadTool() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !SCENARIOS.containsKey(args[0])) {
            System.err.println("usage: (idle|direct|group|reconnect|fill|session|storm) BASE_URL [key=value ...]");
            System.exit(2);
        }
        Scenario.Outcome outcome;
        try {
            outcome = run(args[0], URI.create(args[1]), LoadOptions.parse(args, 2));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(outcome.clean() ? 0 : 1);
    }

    /** Runs a scenario and prints its outcome with the CPU it took (used by the smoke test too). */
    static Scenario.Outcome run(String scenario, URI base, LoadOptions options) throws Exception {
        Scenario chosen = SCENARIOS.get(scenario);
        options.requireOnly(Scenario.union(Scenario.COMMON_OPTIONS, chosen.options()));
        Api api = new Api(base);
        Path file = options.path("population", Path.of("target", "load-population.tsv"));
        Population population = Population.open(api, file.toString().equals("none") ? null : file);
        ServerProbe probe = new ServerProbe(options.integer("server", 0));
        Scenario.Context context = new Scenario.Context(api, population, options, probe);
        Scenario.Outcome outcome = chosen.run(context);
        System.out.println(outcome);
        System.out.println(scenario + " " + probe.cpuSince());
        if (outcome instanceof Report report && probe.serverMicrosPer(report.acknowledged()) > 0) {
            System.out.printf(
                    "%s server cpu per persisted message=%.0f µs%n",
                    scenario, probe.serverMicrosPer(report.acknowledged()));
        }
        return outcome;
    }
}

package chat.plume.load;

import chat.plume.testing.Api;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** A load scenario: sets itself up against a running server, runs, and says what it measured. */
interface Scenario {

    /** The context every scenario gets. */
    record Context(Api api, Population population, LoadOptions options, ServerProbe probe) {

        /**
         * Runs the traffic open loop ({@code rate=}) or closed loop ({@code window=}, optionally
         * {@code max-per-sender=} a second) for {@code seconds=}.
         */
        void drive(Traffic traffic, int defaultRate) {
            Integer window = options.optionalInteger("window");
            int cap = options.integer("max-per-sender", 0);
            Integer rate = options.optionalInteger("rate");
            Duration length = options.seconds("seconds", 30);
            if (window != null && rate != null) {
                throw new IllegalArgumentException("Give rate= (open loop) or window= (closed loop), not both");
            }
            probe.startCpu();
            if (window != null) {
                traffic.closed(window, cap, length);
                System.out.println(traffic.fairness(window));
            } else {
                traffic.open(rate == null ? defaultRate : rate, length);
            }
            System.out.println(
                    "sends made again (same client message id) after busy or rate_limited: " + traffic.resent());
        }
    }

    /** What a run prints as its last line; an unclean outcome (anything lost) fails the command. */
    interface Outcome {
        boolean clean();
    }

    /** Options every scenario takes: where the accounts are kept, the server's process id. */
    Set<String> COMMON_OPTIONS = Set.of("population", "server");

    /** Options of traffic scenarios. */
    Set<String> TRAFFIC_OPTIONS = Set.of("rate", "window", "max-per-sender", "seconds");

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The options this scenario reads, besides the common ones. */
    Set<String> options();

    Outcome run(Context context) throws Exception;
}

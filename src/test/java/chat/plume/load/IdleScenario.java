package chat.plume.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code idle}: N authenticated connections held open with the server's heartbeats. Options:
 * {@code connections} (1000), {@code users} (100; connections are spread over them, several
 * devices each, because every account costs two password hashes to create), {@code sources}
 * (loopback source addresses 127.0.0.1, .2, ...; more than one needs a JDK 19+ for
 * {@code HttpClient.Builder.localAddress}), {@code hold} (seconds, 60: longer than the heartbeat
 * timeout proves the pings are answered). With {@code server=PID}, the server's heap after a full
 * collection and its resident memory are measured before and after, per connection.
 */
final class IdleScenario implements Scenario {

    /** What holding the connections measured. */
    record IdleReport(
            int connections,
            double connectSeconds,
            long dropped,
            long heapBefore,
            long heapAfter,
            long rssBefore,
            long rssAfter)
            implements Outcome {

        @Override
        public boolean clean() {
            return dropped == 0;
        }

        @Override
        public String toString() {
            String line = String.format(
                    "idle connections=%d opened in %.1fs (%.0f/s) dropped while held=%d",
                    connections, connectSeconds, connections / connectSeconds, dropped);
            if (heapBefore < 0) {
                return line;
            }
            return line
                    + String.format(
                            " server heap %.1f -> %.1f MB (%.1f KB/connection) rss %.1f -> %.1f MB"
                                    + " (%.1f KB/connection)",
                            heapBefore / 1e6,
                            heapAfter / 1e6,
                            (heapAfter - heapBefore) / 1024.0 / connections,
                            rssBefore / 1e6,
                            rssAfter / 1e6,
                            (rssAfter - rssBefore) / 1024.0 / connections);
        }
    }

    @Override
    public Set<String> options() {
        return Set.of("connections", "users", "sources", "hold");
    }

    @Override
    public Outcome run(Context context) {
        int count = context.options().integer("connections", 1000);
        int users = context.options().integer("users", 100);
        int sources = context.options().integer("sources", 1);
        Duration hold = context.options().seconds("hold", 60);
        List<Population.Account> accounts = context.population().take(users);
        List<Population.Account> perConnection = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            perConnection.add(accounts.get(i % users));
        }
        List<HttpClient> clients = Setup.clients(sources);
        ServerProbe probe = context.probe();
        long heapBefore = probe.heapAfterFullGc();
        long rssBefore = probe.residentBytes();
        long started = System.nanoTime();
        probe.startCpu();
        List<LoadConnection> connections =
                Setup.connect(clients, context.api().base(), perConnection, account -> (connection, frame, at) -> {});
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(
                "%d connections open after %.1fs (%s); holding for %s%n",
                count, connectSeconds, probe.cpuSince(), hold);
        LockSupport.parkNanos(hold.toNanos());
        long dropped = connections.stream().filter(c -> c.closed().isDone()).count();
        long heapAfter = probe.heapAfterFullGc();
        long rssAfter = probe.residentBytes();
        connections.forEach(LoadConnection::abort);
        return new IdleReport(count, connectSeconds, dropped, heapBefore, heapAfter, rssBefore, rssAfter);
    }
}

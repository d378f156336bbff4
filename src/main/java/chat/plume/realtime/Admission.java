package chat.plume.realtime;

import chat.plume.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many connections may open per second ({@code plume.ws.opens-per-second}, with a burst of
 * {@code plume.ws.open-burst}). After a restart every client comes back at once, and each open
 * costs a session lookup, a welcome and then a resume (sync and history pages): past the rate a
 * connection is closed at once with 1013 and a hint of when to come back, instead of the server
 * taking on more than it can answer in time. The hint spreads the refused clients evenly over
 * the time it takes to admit them all at the rate, so the next wave is not the same herd.
 */
@ApplicationScoped
public class Admission {

    /** The longest a client is asked to wait. */
    static final int MAX_RETRY_SECONDS = 60;

    private TokenBucket opens;
    private double perSecond;
    private final Object window = new Object();
    private long windowStart = System.nanoTime();
    private int refusedInWindow;
    private int refusedLastWindow;

    @PostConstruct
    void configure() {
        init(
                Settings.integer("plume.ws.opens-per-second", 500, 1, 1_000_000),
                Settings.integer("plume.ws.open-burst", 1000, 1, 10_000_000));
    }

    void init(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.opens = new TokenBucket(perSecond, burst);
    }

    /** Empty when this connection may open; otherwise the seconds after which to try again. */
    public OptionalInt admit() {
        if (opens.take()) {
            return OptionalInt.empty();
        }
        int refused = countRefusal();
        // The refused of the last second (and this one's so far) are roughly who is waiting: at
        // the rate they need that many seconds; each is sent to a random one of them.
        int backlogSeconds = (int) Math.ceil(refused / perSecond);
        int retry = 1 + ThreadLocalRandom.current().nextInt(Math.max(1, backlogSeconds) + 1);
        return OptionalInt.of(Math.min(MAX_RETRY_SECONDS, retry));
    }

    private int countRefusal() {
        synchronized (window) {
            long now = System.nanoTime();
            if (now - windowStart >= 1_000_000_000L) {
                refusedLastWindow = now - windowStart >= 2_000_000_000L ? 0 : refusedInWindow;
                refusedInWindow = 0;
                windowStart = now;
            }
            refusedInWindow++;
            return Math.max(refusedInWindow, refusedLastWindow);
        }
    }

    /** The close reason of a refused open: {@code overloaded retry_after=N}. */
    static String reason(int retryAfterSeconds) {
        return "overloaded retry_after=" + retryAfterSeconds;
    }
}

package chat.plume.realtime;

import chat.plume.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many signed-in connections may open per second on this node
 * ({@code plume.ws.opens-per-second}, with a burst of {@code plume.ws.open-burst}). After a
 * restart every client comes back at once, and each open costs a welcome and then a resume (sync
 * and history pages): past the rate a connection is closed at once with 1013 and a time to come
 * back, instead of the server taking on more than it can answer in time. The times form a queue:
 * each refused client gets the next free second at the rate (with up to a second of jitter), so
 * the waiting clients come back spread over exactly the time it takes to admit them, and the next
 * wave is not the same herd. Asked only after the session is checked: a client without a valid
 * session never uses up a place.
 */
@ApplicationScoped
public class Admission {

    /** The longest a client is asked to wait. */
    static final int MAX_RETRY_SECONDS = 60;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TokenBucket opens;
    private long nanosPerOpen;
    private long nextFreeSlot;

    @PostConstruct
    void configure() {
        init(
                Settings.integer("plume.ws.opens-per-second", 500, 1, 1_000_000),
                Settings.integer("plume.ws.open-burst", 1000, 1, 10_000_000));
    }

    void init(int perSecond, int burst) {
        this.nanosPerOpen = NANOS_PER_SECOND / perSecond;
        this.opens = new TokenBucket(perSecond, burst);
        this.nextFreeSlot = System.nanoTime();
    }

    /** Empty when this connection may open; otherwise the seconds after which to try again. */
    public OptionalInt admit() {
        if (opens.take()) {
            return OptionalInt.empty();
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextFreeSlot = Math.max(nextFreeSlot, now) + nanosPerOpen;
            wait = nextFreeSlot - now;
        }
        long seconds = (wait + ThreadLocalRandom.current().nextLong(NANOS_PER_SECOND)) / NANOS_PER_SECOND;
        return OptionalInt.of((int) Math.max(1, Math.min(MAX_RETRY_SECONDS, seconds)));
    }

    /** The close reason of a refused open: {@code overloaded retry_after=N}. */
    static String reason(int retryAfterSeconds) {
        return "overloaded retry_after=" + retryAfterSeconds;
    }
}

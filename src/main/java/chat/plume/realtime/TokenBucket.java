package chat.plume.realtime;

/**
 * A token bucket: {@code perSecond} tokens flow in, up to {@code burst}; each admitted frame takes
 * one. Thread-safe; a frame that finds the bucket empty is refused.
 */
public final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();
    private int refusedInARow;

    public TokenBucket(double perSecond, double burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    public synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return true;
        }
        refusedInARow++;
        return false;
    }

    /** How many frames have been refused since the last admitted one. */
    public synchronized int refusedInARow() {
        return refusedInARow;
    }
}

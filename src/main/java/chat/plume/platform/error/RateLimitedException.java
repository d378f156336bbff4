package chat.plume.platform.error;

import java.time.Duration;

/** Too many attempts in too short a time: HTTP 429, with when to try again. */
public class RateLimitedException extends PlumeException {

    private final Duration retryAfter;

    public RateLimitedException(String code, Duration retryAfter, String message) {
        super(429, code, null, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package chat.plume.messaging;

import chat.plume.platform.error.RateLimitedException;
import chat.plume.realtime.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast a bot may write into one conversation: a token bucket per (bot, conversation), about
 * one message a second with a small burst by default — stricter than people, whom only the
 * connection's flood limit paces. The buckets are bounded (the least recently used go first) and
 * per node.
 */
@ApplicationScoped
public class BotPacing {

    static final int CAPACITY = 10_000;

    @Inject
    MessagingSettings settings;

    private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Counts one message of the bot into the conversation, or refuses with 429 {@code bot_rate_limited}. */
    public void take(long botId, long conversationId) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    botId + ":" + conversationId,
                    k -> new TokenBucket(settings.botMessagesPerMinute() / 60.0, settings.botBurst()));
        }
        if (!bucket.take()) {
            throw new RateLimitedException(
                    "bot_rate_limited",
                    Duration.ofSeconds(Math.max(1, 60 / settings.botMessagesPerMinute())),
                    "This bot writes into this conversation faster than allowed; slow down.");
        }
    }
}

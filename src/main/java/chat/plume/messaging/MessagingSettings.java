package chat.plume.messaging;

import chat.plume.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The messaging knobs (see the README's configuration table).
 *
 * @param maxLength the longest text message, in characters (Unicode code points)
 * @param recallWindow how long after sending a person may recall their own message
 * @param editWindow how long after sending a person may edit their own text message
 * @param botMessagesPerMinute messages a bot may send into one conversation per minute, on average
 * @param botBurst messages a bot may send into one conversation at once before that pace applies
 */
public record MessagingSettings(
        int maxLength, Duration recallWindow, Duration editWindow, int botMessagesPerMinute, int botBurst) {

    /** The column holds 10,000 characters; the limit may be lowered, not raised past it. */
    public static final int STORAGE_LIMIT = 10_000;

    public static final int PAGE_LIMIT = 100;

    public static MessagingSettings fromConfiguration() {
        return new MessagingSettings(
                Settings.integer("plume.messages.max-length", 5000, 1, STORAGE_LIMIT),
                Settings.seconds("plume.messages.recall-window-seconds", 120, 0, 7 * 24 * 3600),
                Settings.seconds("plume.messages.edit-window-seconds", 900, 0, 7 * 24 * 3600),
                Settings.integer("plume.bots.messages-per-minute", 60, 1, 60_000),
                Settings.integer("plume.bots.message-burst", 5, 1, 1000));
    }

    /** Injectable, read once at deployment. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        MessagingSettings settings() {
            return fromConfiguration();
        }
    }
}

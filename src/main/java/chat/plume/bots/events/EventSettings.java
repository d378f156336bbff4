package chat.plume.bots.events;

import chat.plume.platform.Backoff;
import chat.plume.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The outgoing events' knobs (see the README's configuration table).
 *
 * @param allowed hosts and networks events may go to although they are not public (SSRF guard)
 * @param timeout how long a receiver has to answer a delivery (its answer may be the bot's reply)
 * @param maxFailures failed deliveries in a row after which a subscription is disabled
 * @param retries the wait between attempts of one delivery, and how many
 */
public record EventSettings(List<String> allowed, Duration timeout, int maxFailures, Backoff retries) {

    public static final int MAX_SUBSCRIPTIONS_PER_BOT = 5;

    public static EventSettings fromConfiguration() {
        return new EventSettings(
                Settings.list("plume.bots.webhook-allowed"),
                Settings.seconds("plume.bots.webhook-timeout-seconds", 5, 1, 30),
                Settings.integer("plume.bots.webhook-max-failures", 10, 1, 1000),
                new Backoff(
                        Settings.seconds("plume.bots.webhook-first-retry-seconds", 10, 1, 3600),
                        Settings.seconds("plume.bots.webhook-last-retry-seconds", 3600, 1, 86_400),
                        Settings.integer("plume.bots.webhook-max-attempts", 8, 1, 100)));
    }

    /** Injectable, read once at deployment. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        EventSettings settings() {
            return fromConfiguration();
        }

        @Produces
        @Singleton
        PublicAddresses addresses(EventSettings settings) {
            return new PublicAddresses(settings.allowed());
        }
    }
}

package chat.plume.bots.events;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.events.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns the pushes a subscribed bot gets into deliveries, in the transaction that made them: the
 * delivery is in the outbox exactly when the change it tells of has committed (a crash between
 * the two loses nothing). Which bots are subscribed to what is kept in memory (refreshed by the
 * sender every few seconds and at once after a change here), so a push to nobody subscribed
 * costs one map lookup per subscribed bot.
 */
@ApplicationScoped
public class EventOutbox {

    private static final Logger LOG = Logger.getLogger(EventOutbox.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    static final int MAX_PAYLOAD = 30_000;

    /** A live subscription as the outbox needs it. */
    public record Subscribed(long id, Set<String> events) {}

    /** Subscribed bots: their username (for commands) and live subscriptions. */
    record Bot(String username, List<Subscribed> subscriptions) {}

    @Inject
    DeliveryStore store;

    @Inject
    Accounts accounts;

    private final Jsonb json = JsonbBuilder.create();
    private volatile Map<Long, Bot> subscribed = Map.of();

    /** Reads the live subscriptions again (every node does, every few seconds). */
    public void refresh() {
        Map<Long, List<Subscribed>> byBot = store.liveSubscriptions();
        Map<Long, PublicProfile> profiles = accounts.publicProfiles(byBot.keySet());
        Map<Long, Bot> next = new HashMap<>();
        byBot.forEach((bot, subscriptions) -> {
            PublicProfile profile = profiles.get(bot);
            if (profile != null) {
                next.put(bot, new Bot(profile.username(), List.copyOf(subscriptions)));
            }
        });
        subscribed = Map.copyOf(next);
    }

    /** Whether pushes to this bot become deliveries now (what the last refresh read). */
    boolean subscribes(long botId) {
        return subscribed.containsKey(botId);
    }

    void collect(@Observes Push push) {
        Map<Long, Bot> bots = subscribed;
        if (bots.isEmpty() || push.isToEveryone()) {
            return;
        }
        bots.forEach((botId, bot) -> {
            if (push.recipients().contains(botId)) {
                for (BotEvent event : BotEvent.of(push.frame(), botId, bot.username())) {
                    enqueue(bot, event);
                }
            }
        });
    }

    private void enqueue(Bot bot, BotEvent event) {
        String eventId = "evt_" + randomId();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", event.type());
        envelope.put("timestamp", Timestamps.toInstant(Timestamps.now()).toString());
        envelope.put("data", event.data());
        String payload = json.toJson(envelope);
        if (payload.length() > MAX_PAYLOAD) {
            LOG.warning(() -> "An event of " + payload.length() + " characters is too large to deliver; dropped");
            return;
        }
        for (Subscribed subscription : bot.subscriptions()) {
            if (subscription.events().contains(event.type())) {
                store.put(subscription.id(), eventId, event, payload);
            }
        }
    }

    private static String randomId() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}

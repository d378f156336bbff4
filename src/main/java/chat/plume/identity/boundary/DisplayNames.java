package chat.plume.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People's display names for what is sent with every group message (its sender's name, so that a
 * chat list can say who wrote it without loading the group's members): read from the database
 * once and then kept, so that a send does not cost a query for it.
 *
 * <p>Bounded (the {@value #CAPACITY} most recently used) and short-lived ({@link #TTL}): a name
 * changed on this node is forgotten at once, one changed on another node is at most a minute old.
 */
@ApplicationScoped
public class DisplayNames {

    static final int CAPACITY = 10_000;
    static final Duration TTL = Duration.ofMinutes(1);

    private record Entry(String name, long loadedAt) {}

    @Inject
    Accounts accounts;

    private final Map<Long, Entry> names = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The person's display name, or null when there is no such account. */
    public String of(long accountId) {
        long now = System.nanoTime();
        synchronized (names) {
            Entry held = names.get(accountId);
            if (held != null && now - held.loadedAt() < TTL.toNanos()) {
                return held.name();
            }
        }
        PublicProfile profile = accounts.publicProfiles(List.of(accountId)).get(accountId);
        if (profile == null) {
            return null;
        }
        synchronized (names) {
            names.put(accountId, new Entry(profile.displayName(), now));
        }
        return profile.displayName();
    }

    /** Forgets a name that has just changed. */
    public void forget(long accountId) {
        synchronized (names) {
            names.remove(accountId);
        }
    }
}

package chat.plume.social;

import chat.plume.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The social feature's knobs (see the README's configuration table).
 *
 * @param declineCooldown how long a declined requester must wait before asking the same person again
 * @param maxContactGroups contact groups per person, the default one included
 * @param groupMemberLimit members per chat group
 */
public record SocialSettings(Duration declineCooldown, int maxContactGroups, int groupMemberLimit) {

    public static SocialSettings fromConfiguration() {
        return new SocialSettings(
                Duration.ofMinutes(Settings.integer("plume.friends.decline-cooldown-minutes", 24 * 60, 0, 525_600)),
                Settings.integer("plume.friends.max-contact-groups", 50, 1, 1000),
                Settings.integer("plume.groups.max-members", 500, 2, 100_000));
    }

    /** Injectable, read once at deployment. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        SocialSettings settings() {
            return fromConfiguration();
        }
    }
}

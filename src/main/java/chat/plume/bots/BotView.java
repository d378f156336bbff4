package chat.plume.bots;

import chat.plume.identity.boundary.PublicProfile;
import java.time.Instant;

/** A bot as its owner sees it: its account's public profile, its description, and whether its token works. */
public record BotView(
        long id, String username, String displayName, Long avatar, String description, Instant createdAt) {

    static BotView of(PublicProfile profile, Bot bot) {
        return new BotView(
                profile.id(),
                profile.username(),
                profile.displayName(),
                profile.avatar(),
                bot.description(),
                chat.plume.platform.Timestamps.toInstant(bot.createdAt()));
    }
}

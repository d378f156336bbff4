package chat.plume.bots;

import chat.plume.platform.Settings;

/**
 * The bots feature's knobs (see the README's configuration table).
 *
 * @param maxPerOwner bots one person may own
 * @param assistant whether the built-in assistant {@code @plume} is present
 */
public record BotSettings(int maxPerOwner, boolean assistant) {

    public static BotSettings fromConfiguration() {
        return new BotSettings(
                Settings.integer("plume.bots.max-per-owner", 10, 0, 1000), Settings.flag("plume.bots.assistant", true));
    }
}

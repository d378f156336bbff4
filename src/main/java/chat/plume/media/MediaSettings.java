package chat.plume.media;

import chat.plume.platform.DataDirectory;
import chat.plume.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The media knobs (see the README's configuration table).
 *
 * @param maxFileBytes the largest file
 * @param maxImageBytes the largest image (larger "images" are refused)
 * @param dailyQuotaBytes how much one person may upload in 24 hours
 * @param maxPixels the most pixels an image may decode to (decompression bombs stop here)
 * @param directory where media are stored
 */
public record MediaSettings(
        long maxFileBytes, long maxImageBytes, long dailyQuotaBytes, long maxPixels, Path directory) {

    private static final long MB = 1024 * 1024;

    public static MediaSettings fromConfiguration() {
        return new MediaSettings(
                // At most the 100 MB that configure-web.cli lets through the HTTP listeners.
                Settings.integer("plume.media.max-file-mb", 50, 1, 100) * MB,
                Settings.integer("plume.media.max-image-mb", 10, 1, 200) * MB,
                Settings.integer("plume.media.daily-quota-mb", 1024, 1, 1_000_000) * MB,
                Settings.integer("plume.media.max-image-megapixels", 40, 1, 500) * 1_000_000L,
                Settings.lookup("plume.media.dir")
                        .map(Path::of)
                        .orElse(DataDirectory.resolve().resolve("media")));
    }

    /** Injectable, read once at deployment. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        MediaSettings settings() {
            return fromConfiguration();
        }
    }
}

package chat.plume.platform;

import java.nio.file.Path;

/**
 * Plume's data directory, resolved exactly as the datasource's URL resolves it in
 * {@code wildfly-config/configure-datasource.cli}: {@code plume.data.dir}, then
 * {@code PLUME_DATA_DIR}, then {@code ~/.plume/data}. The database and uploaded media live in it.
 */
public final class DataDirectory {

    private DataDirectory() {}

    public static Path resolve() {
        return Settings.lookup("plume.data.dir")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".plume", "data"))
                .toAbsolutePath();
    }
}

package chat.plume.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plume's data directory, resolved exactly as the datasource's URL resolves it in
 * {@code wildfly-config/configure-datasource.cli}: {@code plume.data.dir}, then
 * {@code PLUME_DATA_DIR}, then {@code ~/.plume/data}. The database and uploaded media live in it.
 */
public final class DataDirectory {

    private DataDirectory() {}

    /**
     * Makes the directory if it is not there yet. On PostgreSQL nothing else would before the
     * first upload, and the server writes the HTTPS port's generated key store into it.
     */
    public static Path ensure() {
        Path directory = resolve();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Plume's data directory " + directory, e);
        }
    }

    public static Path resolve() {
        return Settings.lookup("plume.data.dir")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".plume", "data"))
                .toAbsolutePath();
    }
}

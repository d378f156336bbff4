package chat.plume.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Plume's configuration knobs: a system property ({@code plume.ws.max-frame-bytes}) wins
 * over the matching environment variable ({@code PLUME_WS_MAX_FRAME_BYTES}), which wins over
 * the default given by the caller.
 *
 * <p>A plain reader rather than MicroProfile Config so that the same WAR runs on a trimmed
 * WildFly without the MicroProfile layers and on Payara. Each feature keeps the list of its
 * own knobs (see the README's configuration table); a value that does not parse is a
 * deployment error, reported with the key's name, never silently replaced by the default.
 */
public final class Settings {

    private Settings() {}

    /** The raw value of a key, if set either way. */
    public static Optional<String> lookup(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(environmentName(key));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    public static String string(String key, String fallback) {
        return lookup(key).orElse(fallback);
    }

    public static int integer(String key, int fallback, int min, int max) {
        int value = lookup(key).map(v -> parseInt(key, v)).orElse(fallback);
        if (value < min || value > max) {
            throw new IllegalStateException(
                    "Setting " + key + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static Duration seconds(String key, long fallback, long min, long max) {
        return Duration.ofSeconds(integer(key, (int) fallback, (int) min, (int) max));
    }

    public static boolean flag(String key, boolean fallback) {
        return lookup(key)
                .map(v -> {
                    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(v);
                    }
                    throw new IllegalStateException("Setting " + key + " must be true or false, was " + v);
                })
                .orElse(fallback);
    }

    /** A comma-separated list; empty when unset. */
    public static List<String> list(String key) {
        return lookup(key)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + key + " must be a whole number, was " + value, e);
        }
    }
}

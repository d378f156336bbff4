package chat.plume.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A scenario's {@code key=value} arguments; a key the scenario does not know is refused, not ignored. */
final class LoadOptions {

    private final Map<String, String> values = new LinkedHashMap<>();

    static LoadOptions parse(String[] args, int from) {
        LoadOptions options = new LoadOptions();
        for (int i = from; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected key=value, got: " + args[i]);
            }
            options.values.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        return options;
    }

    static LoadOptions of(String... pairs) {
        return parse(pairs, 0);
    }

    int integer(String key, int fallback) {
        String value = values.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** Null when absent: for choices such as "rate (open loop) or window (closed loop)". */
    Integer optionalInteger(String key) {
        String value = values.get(key);
        return value == null ? null : Integer.valueOf(value);
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    Duration seconds(String key, int fallback) {
        return Duration.ofSeconds(integer(key, fallback));
    }

    Path path(String key, Path fallback) {
        String value = values.get(key);
        return value == null ? fallback : Path.of(value);
    }

    /** Fails on keys not among the known ones (a misspelt key would otherwise run with a default). */
    void requireOnly(Set<String> known) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + unknown);
        }
    }
}

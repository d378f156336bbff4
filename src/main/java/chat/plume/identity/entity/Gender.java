package chat.plume.identity.entity;

import java.util.Locale;
import java.util.Optional;

/** Optional profile field; on the wire in lower case. */
public enum Gender {
    MALE,
    FEMALE,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Gender> fromWire(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    }
}

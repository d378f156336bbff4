package chat.plume.platform;

import java.util.Locale;

/**
 * Patterns for JPQL {@code like … escape '!'}: the text is matched literally ({@code %},
 * {@code _} and {@code !} are escaped).
 */
public final class LikePattern {

    private LikePattern() {}

    public static String containing(String text) {
        return "%" + escaped(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** A case-sensitive "starts with" pattern for {@code x like :p escape '!'}. */
    public static String startingWith(String text) {
        return escaped(text) + "%";
    }

    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

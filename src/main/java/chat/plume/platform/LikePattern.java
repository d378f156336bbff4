package chat.plume.platform;

import java.util.Locale;

/**
 * A case-insensitive "contains" pattern for JPQL {@code lower(x) like :p escape '!'}: the user's
 * text is searched for literally ({@code %}, {@code _} and {@code !} are escaped).
 */
public final class LikePattern {

    private LikePattern() {}

    public static String containing(String text) {
        String escaped = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}

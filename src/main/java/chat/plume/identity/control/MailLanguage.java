package chat.plume.identity.control;

import java.util.Locale;

/**
 * The languages mail is written in (those of the page), chosen from a request's
 * {@code Accept-Language}: the first of the caller's preferences that Plume speaks. A request
 * that says nothing Plume understands changes nothing (null), and mail with no language is in
 * English.
 */
public final class MailLanguage {

    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";

    private MailLanguage() {}

    /** The language a request asks for, or null when it asks for none Plume speaks. */
    public static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return null;
    }
}

package chat.plume.platform.mail;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail in the recipient's language from a feature's wording ({@code <bundle>.properties} and
 * {@code <bundle>_zh_CN.properties}: {@code greeting}, {@code signature}, and per kind {@code
 * .subject}, {@code .body}, {@code .ignore}, {@code .action}): a plain-text part and an HTML part
 * with the same words, every value filled into the HTML escaped.
 */
public final class MailTemplates {

    public static final String ENGLISH = "en";
    public static final String CHINESE = "zh-CN";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private MailTemplates() {}

    /**
     * A mail of {@code kind} to {@code recipient}; {@code link} (may be null) is shown as its
     * action, and {@code values} fill the wording's placeholders.
     */
    public static Mail compose(
            String bundle, String kind, String recipient, String language, String link, Map<String, String> values) {
        ResourceBundle words = words(bundle, locale(language));
        String greeting = fill(words.getString("greeting"), values);
        String body = fill(words.getString(kind + ".body"), values);
        String ignore = fill(words.getString(kind + ".ignore"), values);
        String signature = words.getString("signature");
        String action = link == null ? null : words.getString(kind + ".action");

        StringBuilder text =
                new StringBuilder().append(greeting).append("\n\n").append(body).append("\n\n");
        if (link != null) {
            text.append(action).append(":\n").append(link).append("\n\n");
        }
        text.append(ignore).append("\n\n").append(signature).append('\n');

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(CHINESE.equals(language) ? "zh-CN" : "en")
                .append("\"><head><meta charset=\"utf-8\"></head>")
                .append("<body style=\"font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937\">")
                .append("<p>")
                .append(escape(greeting))
                .append("</p>")
                .append("<p>")
                .append(escape(body))
                .append("</p>");
        if (link != null) {
            html.append("<p><a href=\"")
                    .append(escape(link))
                    .append("\" style=\"display:inline-block;padding:10px 18px;background:#2563eb;color:#fff;")
                    .append("border-radius:6px;text-decoration:none\">")
                    .append(escape(action))
                    .append("</a></p>")
                    .append("<p style=\"font-size:13px;color:#6b7280\">")
                    .append(escape(link))
                    .append("</p>");
        }
        html.append("<p>")
                .append(escape(ignore))
                .append("</p>")
                .append("<p>")
                .append(escape(signature))
                .append("</p></body></html>");
        return new Mail(kind, recipient, words.getString(kind + ".subject"), text.toString(), html.toString());
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A language's locale: Simplified Chinese, or English for any other (and for none). */
    public static Locale locale(String language) {
        return CHINESE.equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** A feature's wording in a language. */
    public static ResourceBundle words(String bundle, Locale locale) {
        return ResourceBundle.getBundle(bundle, locale, NO_FALLBACK);
    }
}

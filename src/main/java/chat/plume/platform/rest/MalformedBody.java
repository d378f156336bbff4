package chat.plume.platform.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why a request body could not be read, without echoing internals. JSON-B (Yasson)
 * names the property whose value has the wrong type ("Unable to deserialize property 'age'");
 * that name is all the client needs, so it is picked out and everything else is dropped.
 */
final class MalformedBody {

    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");

    private MalformedBody() {}

    static String fieldOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher matcher = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    static String describe(Throwable failure) {
        String field = fieldOf(failure);
        return field == null
                ? "The request body is not valid JSON of the expected shape."
                : "The field '" + field + "' has a value of the wrong type.";
    }
}

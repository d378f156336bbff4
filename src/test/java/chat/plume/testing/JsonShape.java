package chat.plume.testing;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A JSON answer with what differs from run to run replaced by its kind, so that answers from
 * different runs and servers can be compared: the names of this run's people by placeholders
 * ({@link #name}), integers by {@code "<int>"}, other numbers by {@code "<decimal>"}, ISO-8601 UTC
 * instants by {@code "<instant>"}; object members sorted by name. Everything else — names of fields, which fields are present,
 * booleans, enum spellings, nesting — stays as it was.
 */
public final class JsonShape {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final Map<String, String> names = new LinkedHashMap<>();

    /** Replaces {@code value} (a generated username, …) wherever it occurs inside strings. */
    public JsonShape name(String value, String placeholder) {
        return replace(value, "<" + placeholder + ">");
    }

    /** Replaces {@code value} with {@code replacement} wherever it occurs inside strings. */
    public JsonShape replace(String value, String replacement) {
        names.put(value, replacement);
        return this;
    }

    public JsonValue of(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
                new TreeMap<>(value.asJsonObject()).forEach((k, v) -> builder.add(k, of(v)));
                yield builder.build();
            }
            case ARRAY -> {
                JsonArrayBuilder builder = jakarta.json.Json.createArrayBuilder();
                value.asJsonArray().forEach(v -> builder.add(of(v)));
                yield builder.build();
            }
            case NUMBER -> jakarta.json.Json.createValue(((JsonNumber) value).isIntegral() ? "<int>" : "<decimal>");
            case STRING -> jakarta.json.Json.createValue(of(((JsonString) value).getString()));
            default -> value;
        };
    }

    private String of(String text) {
        if (INSTANT.matcher(text).matches()) {
            return "<instant>";
        }
        String replaced = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            replaced = replaced.replace(name.getKey(), name.getValue());
        }
        return replaced;
    }
}

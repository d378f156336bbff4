package chat.plume.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/** Small JSON helpers over JSON-P for building request bodies and reading answers. */
public final class Json {

    private Json() {}

    public static JsonObject parse(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonArray parseArray(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }

    /** {@code object("username", "alice", "password", "secret123")}: pairs of name and value. */
    public static String object(Object... pairs) {
        JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value == null) {
                builder.addNull(name);
            } else if (value instanceof Number n) {
                builder.add(name, n.longValue());
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else {
                builder.add(name, value.toString());
            }
        }
        return builder.build().toString();
    }
}

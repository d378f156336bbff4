package chat.plume.realtime;

import chat.plume.platform.error.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields from a client frame; a missing or mistyped field is an {@code invalid_input}
 * error naming it, answered with an error frame that names the request.
 */
public final class FrameFields {

    private FrameFields() {}

    public static String string(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw invalid(name, "must be a string");
    }

    public static String optionalString(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        return value == null || value == JsonValue.NULL ? null : string(frame, name);
    }

    public static long number(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(name, "is out of range");
            }
        }
        throw invalid(name, "must be a whole number");
    }

    public static Long optionalNumber(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        return value == null || value == JsonValue.NULL ? null : number(frame, name);
    }

    public static List<Long> numbers(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(name, "must be an array of whole numbers");
        }
        List<Long> result = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonNumber n) || !n.isIntegral()) {
                throw invalid(name, "must be an array of whole numbers");
            }
            result.add(n.longValue());
        }
        return result;
    }

    public static JsonObject object(InboundFrame frame, String name) {
        JsonValue value = frame.body().get(name);
        if (value instanceof JsonObject o) {
            return o;
        }
        throw invalid(name, "must be an object");
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException("invalid_input", field, field + " " + problem + ".");
    }
}

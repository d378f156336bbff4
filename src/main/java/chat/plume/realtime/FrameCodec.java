package chat.plume.realtime;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns frames into text and back. Encoding goes through one shared JSON-B instance (thread-safe,
 * expensive to create); decoding reads the envelope with JSON-P and leaves the payload to the
 * handler of the frame's type.
 */
@ApplicationScoped
public class FrameCodec {

    /** Request ids are the client's to choose, within reason. */
    static final int MAX_ID_LENGTH = 64;
    /**
     * No frame of the protocol nests deeper than a few levels; the JSON parser's own limit (1,000)
     * is where it would fail, after building that much. Checked on the raw text before parsing.
     */
    static final int MAX_DEPTH = 32;

    private final Jsonb jsonb = JsonbBuilder.create();
    /**
     * Made once: {@code Json.createReader} looks the JSON-P provider up through the service
     * loader on every call, a jar scan under a lock that all frame-handling threads queued on
     * (found by profiling the direct benchmark; docs/benchmarks.md).
     */
    private final JsonReaderFactory readers = JsonProvider.provider().createReaderFactory(Map.of());

    public String encode(Object frame) {
        return jsonb.toJson(frame);
    }

    /**
     * Reads a client frame's envelope.
     *
     * @throws MalformedFrameException when the text is not a JSON object with a string {@code type}
     */
    public InboundFrame decode(String text) {
        if (FrameScan.nestsDeeperThan(text, MAX_DEPTH)) {
            throw new MalformedFrameException(
                    FrameScan.requestId(text),
                    "malformed_frame",
                    "The frame nests deeper than " + MAX_DEPTH + " levels.");
        }
        JsonObject object;
        try (JsonReader reader = readers.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedFrameException(null, "malformed_frame", "A frame must be a JSON object.");
            }
            object = value.asJsonObject();
        } catch (MalformedFrameException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // JsonException and IllegalStateException as documented, and whatever else a
            // parser may throw on hostile input: every frame is answered.
            throw new MalformedFrameException(
                    FrameScan.requestId(text), "malformed_frame", "The frame is not valid JSON.");
        }
        String id = stringField(object, "id").orElse(null);
        if (object.containsKey("id") && (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH)) {
            throw new MalformedFrameException(
                    null, "invalid_frame", "The id must be a string of 1 to " + MAX_ID_LENGTH + " characters.");
        }
        String type = stringField(object, "type")
                .orElseThrow(() -> new MalformedFrameException(id, "invalid_frame", "The frame has no type."));
        return new InboundFrame(type, id, object);
    }

    private static Optional<String> stringField(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Closing only releases caches; nothing to recover at undeployment.
            Logger.getLogger(FrameCodec.class.getName()).log(Level.FINE, "Closing JSON-B failed", e);
        }
    }
}

package chat.plume.realtime;

import jakarta.json.JsonObject;

/**
 * A decoded client frame: its {@code type}, its request {@code id} (may be null for frames that
 * expect no answer) and the whole object for the handler to read its fields from.
 */
public record InboundFrame(String type, String id, JsonObject body) {}

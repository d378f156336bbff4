package chat.plume.calls;

import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PayloadTooLargeException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and bounds what a page sends to its peers: a session description (SDP) and batches of ICE
 * candidates. Plume does not interpret them (the browsers do), but it relays nothing unbounded and
 * nothing that is not shaped as the browsers' own objects.
 */
final class SignalPayloads {

    /** Characters of SDP: a video call with a screen share is a few thousand; renegotiations stay far below. */
    static final int MAX_SDP = 32_000;
    /** Candidates in one frame (pages batch them every ~100 ms). */
    static final int MAX_CANDIDATES = 32;

    static final int MAX_CANDIDATE = 1_024;
    static final int MAX_MID = 64;
    static final int MAX_UFRAG = 256;

    private SignalPayloads() {}

    static CallFrames.Description description(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw invalid("description", "must be an object with type and sdp");
        }
        String type = string(object, "type", "description.type", 16);
        if (!type.equals("offer") && !type.equals("answer")) {
            throw invalid("description.type", "must be \"offer\" or \"answer\"");
        }
        if (!(object.get("sdp") instanceof JsonString sdp) || sdp.getString().isEmpty()) {
            throw invalid("description.sdp", "must be a string");
        }
        if (sdp.getString().length() > MAX_SDP) {
            throw new PayloadTooLargeException(
                    "sdp_too_large", "A session description may have at most " + MAX_SDP + " characters.");
        }
        return new CallFrames.Description(type, sdp.getString());
    }

    static List<CallFrames.Candidate> candidates(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("candidates", "must be a non-empty array");
        }
        if (array.size() > MAX_CANDIDATES) {
            throw new PayloadTooLargeException(
                    "too_many_candidates", "Send at most " + MAX_CANDIDATES + " candidates per frame.");
        }
        List<CallFrames.Candidate> candidates = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject c)) {
                throw invalid("candidates", "must hold objects");
            }
            // An empty candidate string is the browser's "end of candidates".
            String candidate = string(c, "candidate", "candidates.candidate", MAX_CANDIDATE);
            String mid = optionalString(c, "sdpMid", MAX_MID);
            String ufrag = optionalString(c, "usernameFragment", MAX_UFRAG);
            Integer index = null;
            JsonValue line = c.get("sdpMLineIndex");
            if (line instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0 && n.longValue() < 1024) {
                index = n.intValue();
            } else if (line != null && line != JsonValue.NULL) {
                throw invalid("candidates.sdpMLineIndex", "must be a whole number from 0 to 1023");
            }
            if (mid == null && index == null && !candidate.isEmpty()) {
                throw invalid("candidates", "each needs sdpMid or sdpMLineIndex");
            }
            candidates.add(new CallFrames.Candidate(candidate, mid, index, ufrag));
        }
        return candidates;
    }

    private static String string(JsonObject object, String name, String field, int max) {
        if (!(object.get(name) instanceof JsonString s)) {
            throw invalid(field, "must be a string");
        }
        if (s.getString().length() > max) {
            throw invalid(field, "may have at most " + max + " characters");
        }
        return s.getString();
    }

    private static String optionalString(JsonObject object, String name, int max) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return string(object, name, "candidates." + name, max);
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException("invalid_input", field, field + " " + problem + ".");
    }
}

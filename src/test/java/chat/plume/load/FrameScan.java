package chat.plume.load;

/**
 * Reads the few fields the load tool needs straight out of a frame's text. At tens of thousands
 * of frames a second, parsing every frame into a JSON tree would cost the load tool a core of
 * the two it shares with the server. It relies on what the server writes: compact JSON, and the
 * keys asked for occurring once per frame (true for the frames read here; the smoke run checks).
 */
final class FrameScan {

    private FrameScan() {}

    static String type(String frame) {
        return string(frame, "type");
    }

    /** A string field's value (without escapes, which these fields never contain), or null. */
    static String string(String frame, String key) {
        String marker = "\"" + key + "\":\"";
        int start = frame.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        return frame.substring(start, frame.indexOf('"', start));
    }

    /** A whole-number field's value, or -1 when absent or null. */
    static long number(String frame, String key) {
        String marker = "\"" + key + "\":";
        int start = frame.indexOf(marker);
        if (start < 0) {
            return -1;
        }
        start += marker.length();
        long value = 0;
        int i = start;
        while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
            value = value * 10 + (frame.charAt(i) - '0');
            i++;
        }
        return i == start ? -1 : value;
    }
}

package chat.plume.realtime;

/**
 * Cheap looks at a frame's raw text, before (or instead of) parsing it: how deeply it nests, and
 * its top-level request {@code id}. One pass over the characters, nothing allocated but the id.
 * The id lets a refusal that comes before parsing (a flood, a backlog) still name its request.
 */
final class FrameScan {

    private FrameScan() {}

    /** Whether arrays and objects nest more than {@code limit} levels anywhere in the text. */
    static boolean nestsDeeperThan(String text, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    /**
     * The string value of the top-level {@code "id"} member, or null when there is none that
     * can be read without parsing (no such member, not a string, escapes in it, longer than
     * {@link FrameCodec#MAX_ID_LENGTH}, or the text is not an object).
     */
    static String requestId(String text) {
        int n = text.length();
        int i = skipSpace(text, 0);
        if (i >= n || text.charAt(i) != '{') {
            return null;
        }
        int depth = 0;
        boolean expectKey = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) {
                    return null;
                }
                if (depth == 1 && expectKey) {
                    expectKey = false;
                    if (end - i == 3 && text.charAt(i + 1) == 'i' && text.charAt(i + 2) == 'd') {
                        return idValue(text, end + 1);
                    }
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
                expectKey = depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        return null;
    }

    /** After the key: optional space, a colon, optional space, and a plain string. */
    private static String idValue(String text, int from) {
        int i = skipSpace(text, from);
        if (i >= text.length() || text.charAt(i) != ':') {
            return null;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != '"') {
            return null;
        }
        int end = stringEnd(text, i);
        if (end < 0
                || end - i - 1 < 1
                || end - i - 1 > FrameCodec.MAX_ID_LENGTH
                || text.substring(i + 1, end).indexOf('\\') >= 0) {
            return null;
        }
        return text.substring(i + 1, end);
    }

    /** The index of the quote that closes the string opening at {@code start}, or -1. */
    private static int stringEnd(String text, int start) {
        for (int i = start + 1, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length()
                && (text.charAt(i) == ' '
                        || text.charAt(i) == '\t'
                        || text.charAt(i) == '\n'
                        || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}

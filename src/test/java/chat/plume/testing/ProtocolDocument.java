package chat.plume.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server → client frames {@code docs/protocol.md} documents, and their top-level fields, read
 * from the document itself: every JSON example of a frame (an object whose first member is its
 * {@code type}; {@code …} stands for any value) and every row of its "frame | to | fields" tables.
 */
public final class ProtocolDocument {

    private static final Pattern EXAMPLE = Pattern.compile("\\{\\s*\"type\"\\s*:\\s*\"([a-z_.]+)\"");
    private static final Pattern TICKED = Pattern.compile("`([A-Za-z_.]+)`");

    private final Map<String, Set<String>> fields = new HashMap<>();

    private ProtocolDocument() {}

    public static ProtocolDocument read() throws IOException {
        ProtocolDocument document = new ProtocolDocument();
        String text = Files.readString(Path.of("docs/protocol.md"));
        Matcher example = EXAMPLE.matcher(text);
        while (example.find()) {
            document.fields
                    .computeIfAbsent(example.group(1), t -> new LinkedHashSet<>())
                    .addAll(topLevelKeys(text, example.start()));
        }
        boolean inTable = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("| frame | to | fields |")) {
                inTable = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String[] columns = line.split("\\|");
            if (!inTable || columns.length < 4) {
                continue;
            }
            Set<String> named = ticked(columns[3]);
            String last = null;
            for (String type : ticked(columns[1])) {
                // "`group.join_request.accepted` / `declined`": a bare word replaces the last part.
                String full =
                        type.contains(".") || last == null ? type : last.substring(0, last.lastIndexOf('.') + 1) + type;
                document.fields
                        .computeIfAbsent(full, t -> new LinkedHashSet<>())
                        .addAll(named);
                last = full;
            }
        }
        return document;
    }

    /** Whether the document knows the frame type. */
    public boolean documents(String type) {
        return fields.containsKey(type);
    }

    /** The fields documented for a frame type, {@code type} included. */
    public Set<String> fieldsOf(String type) {
        Set<String> known = new LinkedHashSet<>(fields.getOrDefault(type, Set.of()));
        known.add("type");
        return known;
    }

    private static Set<String> ticked(String column) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TICKED.matcher(column);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The member names of the object that opens at {@code start}, at its own level only. */
    private static Set<String> topLevelKeys(String text, int start) {
        Set<String> keys = new LinkedHashSet<>();
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = text.indexOf('"', i + 1);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf('"', end + 1);
                }
                if (end < 0) {
                    break;
                }
                int after = end + 1;
                while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                if (depth == 1 && after < text.length() && text.charAt(after) == ':') {
                    keys.add(text.substring(i + 1, end));
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
        }
        return keys;
    }
}

package chat.plume.media;

import java.text.Normalizer;

/**
 * Cleans a client's file name for display and for {@code Content-Disposition}: no path (only
 * what follows the last slash or backslash), no control or bidi-override characters, no leading
 * dots, at most 255 characters. It is never used to name anything on disk.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "file";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        name = name.replaceAll("^\\.+", "");
        if (name.codePointCount(0, name.length()) > 255) {
            name = name.substring(0, name.offsetByCodePoints(0, 255));
        }
        return name.isBlank() ? "file" : name;
    }
}

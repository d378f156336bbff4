package chat.plume.media;

import java.text.Normalizer;

/**
 * Cleans a client's file name for display and for {@code Content-Disposition}: no path (only
 * what follows the last slash or backslash), no control or bidi-override characters, no leading
 * dots, at most 255 characters. It is never used to name anything on disk.
 */
public final class FileNames {

    private FileNames() {}

    public static String clean(String raw) {
        if (raw == null) {
            return "file";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        // Control and format characters (bidi overrides, zero-width, line separators …) go.
        name = name.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        name = name.replaceAll("^\\.+", "");
        // At most 255 UTF-16 units (what the column holds on H2 and PostgreSQL), never half a surrogate pair.
        if (name.length() > 255) {
            int end = Character.isLowSurrogate(name.charAt(255)) ? 254 : 255;
            name = name.substring(0, end);
        }
        return name.isBlank() ? "file" : name;
    }
}

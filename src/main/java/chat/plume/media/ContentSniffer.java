package chat.plume.media;

/**
 * Decides what a file is from its first bytes. Only the four image formats Plume shows inline
 * are recognised as images; everything else is a file, served as an attachment whatever its
 * name claims ({@code page.png} that starts with {@code <html>} is a file).
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} needs. */
    public static final int HEAD = 16;

    private ContentSniffer() {}

    /** The image MIME type the bytes start like, or null when they are not one of ours. */
    public static String sniff(byte[] head, int length) {
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')
                && length >= 6
                && (head[4] == '7' || head[4] == '9')
                && head[5] == 'a') {
            return "image/gif";
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F')
                && length >= 12
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

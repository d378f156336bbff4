package chat.plume.realtime;

/**
 * Joins the parts of one client text frame as the container reads them, and refuses a frame
 * the moment it grows past {@code plume.ws.max-frame-bytes}, before anything larger is held.
 *
 * <p>Why parts: neither Undertow nor Tyrus enforces {@code Session.setMaxTextMessageBufferSize}
 * set at open; a whole-message {@code @OnMessage} let a 16 MB frame be read into memory before
 * anything could refuse it, and {@code @OnMessage(maxMessageSize)} takes only a constant, not
 * the configured value. Receiving parts lets the limit be the configured one and be checked as
 * the bytes arrive. One per connection; the container delivers one connection's parts in order.
 */
final class FrameAssembler {

    /** The frame grew past the limit; the connection is closed with 1009. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("frame_too_large", null, false, false);
        }
    }

    /** A builder that grew past this is dropped after its frame, not kept for the connection's life. */
    private static final int KEPT_CAPACITY = 8 * 1024;

    private final int maxBytes;
    private StringBuilder pending = new StringBuilder();
    private long bytes;

    FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Adds a part; returns the whole frame once its last part has come, or null while more are due.
     *
     * @throws TooLarge as soon as the frame's UTF-8 size passes the limit
     */
    String add(String part, boolean last) throws TooLarge {
        bytes += utf8Length(part);
        if (bytes > maxBytes) {
            pending = new StringBuilder();
            throw new TooLarge();
        }
        if (last && pending.isEmpty()) {
            bytes = 0;
            return part;
        }
        pending.append(part);
        if (!last) {
            return null;
        }
        String whole = pending.toString();
        if (pending.capacity() > KEPT_CAPACITY) {
            pending = new StringBuilder();
        } else {
            pending.setLength(0);
        }
        bytes = 0;
        return whole;
    }

    /** UTF-8 size without encoding: a surrogate pair is two chars of two bytes each. */
    static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            length += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return length;
    }
}

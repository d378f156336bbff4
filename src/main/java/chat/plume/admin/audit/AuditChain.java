package chat.plume.admin.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit log's hash chain: each row's hash is SHA-256 over the previous row's hash and the
 * row's own content, so changing any field of a row, removing a row or slipping one in breaks
 * the chain at that row.
 *
 * <p>The content is encoded without ambiguity: every field as its length, a colon and its
 * characters (a missing one as {@code -}), so no two different rows encode alike however their
 * text is made up. Times count to the millisecond, which both databases store exactly.
 */
public final class AuditChain {

    /** The hash before the first row. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private AuditChain() {}

    /** A time as the chain records it: to the millisecond. */
    public static LocalDateTime stamp(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String hash(String previousHash, long position, LocalDateTime at, AuditEntry e) {
        StringBuilder content = new StringBuilder(256);
        field(content, previousHash);
        field(content, Long.toString(position));
        field(content, TIME.format(stamp(at)));
        field(content, e.actorId() == null ? null : e.actorId().toString());
        field(content, e.actorName());
        field(content, e.action());
        field(content, e.targetKind());
        field(content, e.targetId() == null ? null : e.targetId().toString());
        field(content, e.targetName());
        field(content, e.reason());
        field(content, e.detail());
        field(content, e.clientAddress());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e1);
        }
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append('-');
        } else {
            content.append(value.length()).append(':').append(value);
        }
        content.append(';');
    }
}

package chat.plume.bots;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A hook's secret: 256 random bits with a {@code plh_} prefix (recognisable by secret scanners),
 * stored as SHA-256 and compared in constant time. The idempotency key a caller sends is turned
 * into the send's client message id the same way, so any key of any length is a valid one.
 */
final class HookSecrets {

    static final String PREFIX = "plh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HookSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether {@code presented} is the secret whose digest is {@code stored}, in time independent of where they differ. */
    static boolean matches(String presented, String stored) {
        return presented != null
                && presented.length() <= 100
                && MessageDigest.isEqual(
                        digest(presented).getBytes(StandardCharsets.US_ASCII),
                        stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** The client message id of a post to hook {@code hookId} under {@code idempotencyKey}: at most 64 characters. */
    static String clientMessageId(long hookId, String idempotencyKey) {
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(idempotencyKey));
        return "h" + hookId + "-" + key.substring(0, 32);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}

package chat.plume.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session tokens: 256 random bits, Base64url, with a {@code plm_} prefix so that a leaked token
 * is recognisable by secret scanners. Only {@link #digest} of a token is ever stored.
 */
public final class SessionTokens {

    public static final String PREFIX = "plm_";
    /** Prefix plus 43 Base64url characters; anything longer is not a token and is not hashed. */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a presented value can be a token at all (cheap check before any database work). */
    public static boolean plausible(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() <= MAX_LENGTH;
    }

    public static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}

package chat.plume.identity.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a 16-byte random salt. A stored hash reads
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), so the iteration count can be
 * raised later: {@link #needsRehash} tells when a stored hash is weaker than today's setting,
 * and the account is rehashed at its next successful sign-in.
 *
 * <p>Stateless and thread-safe. A password never leaves this class in any form but the hash.
 */
public final class PasswordHasher {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the password matches; compares in constant time. A malformed hash never matches. */
    public boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Spends the same time as checking a real password. Called when the account does not exist,
     * so that the response time does not tell whether a username is registered.
     */
    public void burnEquivalentTime(String password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    public boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !parts[0].equals(SCHEME) || Integer.parseInt(parts[1]) < iterations;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}

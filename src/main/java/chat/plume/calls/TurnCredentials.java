package chat.plume.calls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials by the "TURN REST API" scheme that coturn's {@code use-auth-secret}
 * checks: the username is {@code <expiry in Unix seconds>:<user>} and the password is the Base64
 * HMAC-SHA1 of that username under the secret shared with the TURN server. The TURN server needs
 * no list of users, and what a browser holds stops working at its expiry: no long-lived TURN
 * password ever reaches a page.
 */
public final class TurnCredentials {

    /** One credential: give both to the browser's {@code RTCIceServer}. */
    public record Credential(String username, String password, Instant expiresAt) {}

    private final byte[] secret;

    public TurnCredentials(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A credential for {@code user} valid until {@code expiresAt}. */
    public Credential issue(String user, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + user;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            String password =
                    Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new Credential(username, password, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}

package chat.plume.identity.boundary;

import java.time.Instant;

/**
 * The answer to a sign-in. The token is returned once, for API clients (send it as
 * {@code Authorization: Bearer}); browsers get it only as the HttpOnly cookie.
 */
public record SignedIn(String token, Instant expiresAt, OwnProfile user) {

    public SignedIn withoutToken() {
        return new SignedIn(null, expiresAt, user);
    }

    @Override
    public String toString() {
        return "SignedIn[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}

package chat.plume.identity.boundary;

import java.time.Instant;

/**
 * The answer to a sign-in. The token is returned once, for API clients (send it as
 * {@code Authorization: Bearer}); the browser page ignores it and relies on the HttpOnly cookie.
 */
public record SignedIn(String token, Instant expiresAt, OwnProfile user) {

    @Override
    public String toString() {
        return "SignedIn[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}

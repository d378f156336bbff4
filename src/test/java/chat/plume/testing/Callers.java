package chat.plume.testing;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.RegistrationRequest;
import chat.plume.identity.entity.Role;
import chat.plume.social.friends.FriendRequests;
import java.time.Instant;

/** For in-container tests: people made through the boundaries, and friendships between them. */
public final class Callers {

    private Callers() {}

    /** A new account, as the caller the boundaries expect (no session: in-container calls need none). */
    public static Caller register(Accounts accounts, String prefix) {
        String username = Names.unique(prefix);
        long id = accounts.register(
                        new RegistrationRequest(username, username, "password-" + username, null), "127.0.0.1")
                .id();
        return new Caller(id, username, Role.USER, 0, Instant.MAX);
    }

    /** {@code a} asks, {@code b} accepts. */
    public static void befriend(FriendRequests requests, Caller a, Caller b) {
        requests.accept(b, requests.send(a, b.accountId(), null).id());
    }
}

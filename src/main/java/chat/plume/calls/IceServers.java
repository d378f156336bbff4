package chat.plume.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICE servers a browser uses for a call: the configured STUN servers as they are, and the TURN
 * servers with a credential made for this person now ({@link TurnCredentials}).
 */
@ApplicationScoped
public class IceServers {

    /** One {@code RTCIceServer} (username and credential only for TURN). */
    public record Server(List<String> urls, String username, String credential) {}

    /** What a page needs to set up its peer connections; TURN credentials stop working at {@code expiresAt}. */
    public record Configuration(List<Server> iceServers, Instant expiresAt) {}

    @Inject
    CallSettings settings;

    Clock clock = Clock.systemUTC();

    /** How long the self-test's TURN credential lasts: the test takes seconds, not a call's hours. */
    static final Duration SELF_TEST_LIFETIME = Duration.ofMinutes(10);

    /** For a call this person takes part in: the credential lasts as long as a call may. */
    public Configuration forAccount(long accountId) {
        return forAccount(accountId, settings.turnCredentialLifetime());
    }

    /** For the connectivity self-test. */
    public Configuration forSelfTest(long accountId) {
        return forAccount(accountId, SELF_TEST_LIFETIME);
    }

    private Configuration forAccount(long accountId, Duration lifetime) {
        List<Server> servers = new ArrayList<>();
        if (!settings.stunUrls().isEmpty()) {
            servers.add(new Server(settings.stunUrls(), null, null));
        }
        Instant expiresAt = null;
        if (!settings.turnUrls().isEmpty()) {
            TurnCredentials.Credential credential = new TurnCredentials(settings.turnSecret())
                    .issue(Long.toString(accountId), Instant.now(clock).plus(lifetime));
            servers.add(new Server(settings.turnUrls(), credential.username(), credential.password()));
            expiresAt = credential.expiresAt();
        }
        return new Configuration(servers, expiresAt);
    }
}

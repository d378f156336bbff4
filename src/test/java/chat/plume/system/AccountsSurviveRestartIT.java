package chat.plume.system;

import static chat.plume.testing.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.Names;
import chat.plume.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Black box: an account created, then the server killed without warning and started again,
 * still signs in, and its session token from before the crash still works. The embedded
 * database is a file that commits straight to disk.
 */
class AccountsSurviveRestartIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void accountsAndSessionsSurviveAKilledServer() {
        try (ServerProcess server = new ServerProcess(Path.of("target", "restart-it"), 200)) {
            server.start(STARTUP);
            Api api = new Api(server.base());
            String username = Names.unique("Durable");
            expect(201, api.register(username, "持久", "durable-password"));
            String token = Api.json(expect(201, api.signIn(username, "durable-password"))).getString("token");

            server.kill();
            server.start(STARTUP);

            assertThat(Api.json(expect(200, api.send("GET", "/me", null, token))).getString("displayName"))
                    .isEqualTo("持久");
            expect(201, api.signIn(username, "durable-password"));
            expect(409, api.register(username, "Again", "durable-password"));
        }
    }
}

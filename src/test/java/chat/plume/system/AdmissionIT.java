package chat.plume.system;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.Await;
import chat.plume.testing.Person;
import chat.plume.testing.ServerProcess;
import chat.plume.testing.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The refusal a reconnect storm meets, on the wire: past {@code plume.ws.opens-per-second} a
 * signed-in open is closed with 1013 and {@code overloaded retry_after=N} before anything else is
 * said, and coming back after N seconds is welcomed. A server of its own, with a rate of one
 * open a second and a burst of two, so that the third open in a row is refused.
 */
class AdmissionIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern HINT = Pattern.compile("^overloaded retry_after=(\\d+)$");

    @Test
    void pastTheOpenRateAConnectionIsTurnedAwayWith1013AndTheTimeToComeBack() {
        try (ServerProcess server = new ServerProcess(Path.of("target", "admission-it"), 500)
                .environment("PLUME_WS_OPENS_PER_SECOND", "1")
                .environment("PLUME_WS_OPEN_BURST", "2")) {
            server.start(STARTUP);
            Person alice = Person.create(new Api(server.base()), "Admit");

            try (WsClient first = WsClient.connect(server.base(), alice.token());
                    WsClient second = WsClient.connect(server.base(), alice.token());
                    WsClient third = WsClient.connect(server.base(), alice.token())) {
                // The three opens race through the container, so which one is third is not known.
                List<WsClient> opened = List.of(first, second, third);
                Await.until(
                        WAIT,
                        "every open welcomed or closed",
                        () -> opened.stream().allMatch(c -> c.isClosed() || welcomed(c)));
                List<WsClient> refused =
                        opened.stream().filter(WsClient::isClosed).toList();
                assertThat(refused).as("opens refused").hasSize(1);
                assertThat(opened.stream().filter(AdmissionIT::welcomed))
                        .as("opens welcomed")
                        .hasSize(2);

                WsClient.Closed closed = refused.get(0).awaitClose(WAIT);
                assertThat(closed.code())
                        .as("close code of the open past the rate")
                        .isEqualTo(1013);
                Matcher hint = HINT.matcher(closed.reason());
                assertThat(hint.matches())
                        .as("close reason %s", closed.reason())
                        .isTrue();
                int retryAfter = Integer.parseInt(hint.group(1));
                assertThat(retryAfter).isBetween(1, 60);
                assertThat(refused.get(0).received())
                        .as("nothing said before the refusal")
                        .isEmpty();

                // The hint is the time a client is told to wait: a client that does is let in.
                long comeBack = System.nanoTime() + TimeUnit.SECONDS.toNanos(retryAfter);
                for (long left; (left = comeBack - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);
                }
                try (WsClient later = WsClient.connect(server.base(), alice.token())) {
                    later.next("welcome", WAIT);
                }
            }
        }
    }

    private static boolean welcomed(WsClient client) {
        return client.received().stream().anyMatch(f -> "welcome".equals(f.getString("type", null)));
    }
}

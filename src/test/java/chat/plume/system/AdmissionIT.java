package chat.plume.system;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.Api;
import chat.plume.testing.Await;
import chat.plume.testing.Person;
import chat.plume.testing.ServerProcess;
import chat.plume.testing.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The refusal a reconnect storm meets, on the wire: past {@code plume.ws.opens-per-second} a
 * signed-in open is closed with 1013 and {@code overloaded retry_after=N} before anything else is
 * said, and coming back after N seconds is welcomed. A server of its own, with a rate of one
 * open a second and a burst of two, so that of five opens at once some are refused.
 */
class AdmissionIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int OPENS = 5;
    private static final int BURST = 2;
    private static final Pattern HINT = Pattern.compile("^overloaded retry_after=(\\d+)$");

    @Test
    void pastTheOpenRateAConnectionIsTurnedAwayWith1013AndTheTimeToComeBack() throws Exception {
        try (ServerProcess server = new ServerProcess(Path.of("target", "admission-it"), 500)
                .environment("PLUME_WS_OPENS_PER_SECOND", "1")
                .environment("PLUME_WS_OPEN_BURST", Integer.toString(BURST))) {
            server.start(STARTUP);
            Person alice = Person.create(new Api(server.base()), "Admit");

            // Five opens at once: they race through the container, so which are refused is not
            // known, only how many may be let in (the burst, and one more per second taken).
            ExecutorService openers = Executors.newFixedThreadPool(OPENS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<WsClient>> opening = IntStream.range(0, OPENS)
                    .mapToObj(i -> openers.submit(() -> {
                        go.await();
                        return WsClient.connect(server.base(), alice.token());
                    }))
                    .toList();
            long began = System.nanoTime();
            go.countDown();
            List<WsClient> opened = new ArrayList<>();
            try {
                for (Future<WsClient> open : opening) {
                    opened.add(open.get(WAIT.toSeconds(), TimeUnit.SECONDS));
                }
                Await.until(
                        WAIT,
                        "every open welcomed or closed",
                        () -> opened.stream().allMatch(c -> c.isClosed() || welcomed(c)));
                double seconds = (System.nanoTime() - began) / 1e9;
                List<WsClient> refused =
                        opened.stream().filter(WsClient::isClosed).toList();
                long welcomed = opened.stream().filter(AdmissionIT::welcomed).count();
                assertThat(welcomed + refused.size()).isEqualTo(OPENS);
                assertThat(welcomed)
                        .as("let in within %.1f s", seconds)
                        .isBetween((long) BURST, BURST + (long) Math.ceil(seconds));
                assertThat(refused).as("opens refused").isNotEmpty();

                int retryAfter = Integer.MAX_VALUE;
                for (WsClient one : refused) {
                    WsClient.Closed closed = one.awaitClose(WAIT);
                    assertThat(closed.code())
                            .as("close code of an open past the rate")
                            .isEqualTo(1013);
                    Matcher hint = HINT.matcher(closed.reason());
                    assertThat(hint.matches())
                            .as("close reason %s", closed.reason())
                            .isTrue();
                    assertThat(Integer.parseInt(hint.group(1))).isBetween(1, 60);
                    retryAfter = Math.min(retryAfter, Integer.parseInt(hint.group(1)));
                    assertThat(one.received())
                            .as("nothing said before the refusal")
                            .isEmpty();
                }

                // The hint is the time a client is told to wait: a client that does is let in.
                long comeBack = System.nanoTime() + TimeUnit.SECONDS.toNanos(retryAfter);
                for (long left; (left = comeBack - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);
                }
                try (WsClient later = WsClient.connect(server.base(), alice.token())) {
                    later.next("welcome", WAIT);
                }
            } finally {
                openers.shutdownNow();
                opened.forEach(WsClient::close);
            }
        }
    }

    private static boolean welcomed(WsClient client) {
        return client.received().stream().anyMatch(f -> "welcome".equals(f.getString("type", null)));
    }
}

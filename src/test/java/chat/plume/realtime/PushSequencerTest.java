package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.platform.events.Push;
import chat.plume.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream's pushes go out in order whichever comes first; a missing one is waited for, briefly. */
class PushSequencerTest {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private PushSequencer sequencer(Duration hold, int capacity) {
        return new PushSequencer(p -> delivered.add((String) p.frame()), scheduler, hold, capacity);
    }

    private static Push at(long stream, long seq) {
        return Push.ordered(List.of(1L), stream + ":" + seq, stream, seq);
    }

    @Test
    void inOrderPushesAndUnnumberedOnesGoStraightThrough() {
        PushSequencer sequencer = sequencer(Duration.ofMinutes(1), 10);
        sequencer.offer(at(7, 4));
        sequencer.offer(Push.to(1L, "plain"));
        sequencer.offer(at(7, 5));
        assertThat(delivered).containsExactly("7:4", "plain", "7:5");
    }

    @Test
    void aPushAheadOfOneMissingWaitsForItAndStreamsAreIndependent() {
        PushSequencer sequencer = sequencer(Duration.ofMinutes(1), 10);
        sequencer.offer(at(7, 1));
        sequencer.offer(at(7, 3));
        sequencer.offer(at(8, 9));
        sequencer.offer(at(7, 4));
        assertThat(delivered).containsExactly("7:1", "8:9");
        sequencer.offer(at(7, 2));
        assertThat(delivered).containsExactly("7:1", "8:9", "7:2", "7:3", "7:4");
    }

    @Test
    void aLateOrRepeatedPushGoesOutAtOnce() {
        PushSequencer sequencer = sequencer(Duration.ofMinutes(1), 10);
        sequencer.offer(at(7, 5));
        sequencer.offer(at(7, 3));
        sequencer.offer(at(7, 5));
        assertThat(delivered).containsExactly("7:5", "7:3", "7:5");
    }

    @Test
    void whatWaitsForANumberThatNeverComesGoesOutAfterTheHoldInOrder() {
        PushSequencer sequencer = sequencer(Duration.ofMillis(50), 10);
        sequencer.offer(at(7, 1));
        sequencer.offer(at(7, 4));
        sequencer.offer(at(7, 3));
        Await.until(Duration.ofSeconds(5), "the held pushes", () -> delivered.size() == 3);
        assertThat(delivered).containsExactly("7:1", "7:3", "7:4");
        sequencer.offer(at(7, 5));
        assertThat(delivered).endsWith("7:5");
    }

    @Test
    void aForgottenStreamDeliversWhatWaitsAndStartsAfresh() {
        PushSequencer sequencer = sequencer(Duration.ofMinutes(1), 1);
        sequencer.offer(at(7, 1));
        sequencer.offer(at(7, 3));
        sequencer.offer(at(8, 1));
        assertThat(delivered).containsExactly("7:1", "7:3", "8:1");
        sequencer.offer(at(7, 10));
        assertThat(delivered).endsWith("7:10");
    }
}

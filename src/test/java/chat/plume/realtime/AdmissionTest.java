package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Who may open a connection when many come at once, and when the refused ones are told to return. */
class AdmissionTest {

    @Test
    void theBurstIsAdmittedAtOnceAndTheRestAreToldToComeBack() {
        Admission admission = new Admission();
        admission.init(10, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(admission.admit()).as("open %d", i).isEmpty();
        }
        OptionalInt refused = admission.admit();
        assertThat(refused).isPresent();
        assertThat(refused.getAsInt()).isBetween(1, 2);
        assertThat(Admission.reason(refused.getAsInt())).isEqualTo("overloaded retry_after=" + refused.getAsInt());
    }

    @Test
    void aHerdIsQueuedAtTheRateSoEachSecondGetsWhatItCanAdmit() {
        Admission admission = new Admission();
        admission.init(10, 1);
        admission.admit();
        List<Integer> hints = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            admission.admit().ifPresent(hints::add);
        }
        // 300 waiting at 10 a second is 30 seconds of opens: the k-th refused is sent about k/10
        // seconds ahead (plus under a second of jitter), so no second gets more than the rate
        // admits and its neighbours' share, and nobody is sent past the cap.
        assertThat(hints).hasSizeGreaterThan(290);
        assertThat(hints).allSatisfy(h -> assertThat(h).isBetween(1, Admission.MAX_RETRY_SECONDS));
        for (int k = 0; k < hints.size(); k++) {
            assertThat(hints.get(k)).as("hint %d", k).isBetween(k / 10, k / 10 + 2);
        }
        for (int second = 1; second <= 29; second++) {
            int at = second;
            assertThat(hints.stream().filter(h -> h == at).count())
                    .as("sent to second %d", at)
                    .isLessThanOrEqualTo(20);
        }
    }

    @Test
    void theQueueDrainsWhileNobodyIsRefused() throws Exception {
        Admission admission = new Admission();
        admission.init(1000, 1);
        admission.admit();
        for (int i = 0; i < 2000; i++) {
            admission.admit();
        }
        // Two seconds of queue at 1,000 a second: a refusal now is told about two seconds.
        assertThat(admission.admit().orElseThrow()).isBetween(1, 4);
    }
}

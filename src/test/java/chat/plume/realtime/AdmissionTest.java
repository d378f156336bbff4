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
    void aHerdIsSpreadOverTheTimeItTakesToAdmitItAtTheRate() {
        Admission admission = new Admission();
        admission.init(10, 1);
        admission.admit();
        List<Integer> hints = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            admission.admit().ifPresent(hints::add);
        }
        // 300 waiting at 10 a second is 30 seconds of opens: the hints reach that far, evenly
        // enough that no second gets more than a fraction of the herd, and never past the cap.
        assertThat(hints).hasSizeGreaterThan(290);
        assertThat(hints).allSatisfy(h -> assertThat(h).isBetween(1, Admission.MAX_RETRY_SECONDS));
        assertThat(hints.stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isGreaterThan(20);
        long inTheFirstTwoSeconds = hints.stream().filter(h -> h <= 2).count();
        assertThat(inTheFirstTwoSeconds).isLessThan(100);
    }
}

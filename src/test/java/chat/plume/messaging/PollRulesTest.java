package chat.plume.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.platform.error.InvalidInputException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollRulesTest {

    @Test
    void aPollAsksAQuestionWithTwoToTenDifferentOptions() {
        assertThatCode(() -> SendRules.checkPoll(new Outgoing.Poll("Lunch?", List.of("noodles", "rice"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll(" ", List.of("a", "b"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("question");
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll("Q", List.of("a"))))
                .hasMessageContaining("2 to 10 options");
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll("Q", Collections.nCopies(11, "x"))))
                .hasMessageContaining("2 to 10 options");
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll("Q", List.of("same", "same"))))
                .hasMessageContaining("no two are the same");
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll("Q", List.of("a", "x".repeat(101)))))
                .hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> SendRules.checkPoll(new Outgoing.Poll("Q".repeat(201), List.of("a", "b"))))
                .hasMessageContaining("question");
    }

    @Test
    void theBodyNamesItsOptions() {
        String body = new Outgoing.Poll("午饭？", List.of("面", "饭", "饺子")).json();
        org.assertj.core.api.Assertions.assertThat(Polls.optionCount(body)).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(Polls.optionCount("not json"))
                .isZero();
        org.assertj.core.api.Assertions.assertThat(Polls.optionCount(null)).isZero();
    }
}

package chat.plume.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import chat.plume.platform.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendRulesTest {

    private final SendRules rules = new SendRules();
    private final Caller caller = new Caller(1, "alice", Role.USER, 1, Instant.MAX);

    SendRulesTest() {
        rules.settings = new MessagingSettings(100, Duration.ofMinutes(2), Duration.ofMinutes(15), 60, 5);
    }

    private Outgoing send(String clientId, String body, Long media) {
        return new Outgoing(caller, 7, clientId, body, null, List.of(), media);
    }

    @Test
    void aTextNeedsAClientIdAndSomeTextWithinTheLimit() {
        assertThatCode(() -> rules.check(send("c-1", "hi", null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(send("c-1", " ", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "empty_message");
        assertThatThrownBy(() -> rules.check(send("c-1", "x".repeat(101), null)))
                .hasFieldOrPropertyWithValue("code", "message_too_long");
        assertThatThrownBy(() -> rules.check(send("no spaces", "hi", null)))
                .hasFieldOrPropertyWithValue("code", "invalid_input");
        assertThatThrownBy(() -> rules.check(send(null, "hi", null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mediaMayComeWithoutACaptionButNotWithAnOverlongOne() {
        assertThatCode(() -> rules.check(send("c-2", null, 5L))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(send("c-2", " ", 5L))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.check(send("c-2", "x".repeat(101), 5L)))
                .hasFieldOrPropertyWithValue("code", "message_too_long");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThatCode(() -> rules.check(send("c-3", "😀".repeat(100), null))).doesNotThrowAnyException();
    }
}

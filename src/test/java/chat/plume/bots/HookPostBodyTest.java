package chat.plume.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.platform.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a hook's post body may be: the sender's mistakes are 400s, never a server error. */
class HookPostBodyTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTextOfAnObjectIsTaken() {
        assertThat(HooksResource.text(body("{\"text\": \"build 42 passed\"}"))).isEqualTo("build 42 passed");
    }

    @Test
    void nestingPastTheParsersLimitIsAMalformedRequest() {
        // Parsson refuses more than 1,000 levels with a bare RuntimeException (a 500 before).
        String deep = "[".repeat(1_500) + "]".repeat(1_500);
        assertThatThrownBy(() -> HooksResource.text(body(deep)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void malformedOrNonObjectBodiesAreMalformedRequests() {
        assertThatThrownBy(() -> HooksResource.text(body("{\"text\": ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> HooksResource.text(body("[\"text\"]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> HooksResource.text(body("{\"text\": 5}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("non-blank string");
    }
}

package chat.plume.bots.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a model's whole-document answer: anything it cannot use is a Failure the person is told. */
class ChatModelAnswerTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMessageContentIsTheAnswer() throws Exception {
        List<String> progress = new ArrayList<>();
        String answer = ChatModel.readDocument(
                body("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"}}]}"), progress::add);
        assertThat(answer).isEqualTo("Hello");
        assertThat(progress).containsExactly("Hello");
    }

    @Test
    void nestingPastTheParsersLimitIsAFailureNotACrash() {
        String deep = "{\"choices\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";
        assertThatThrownBy(() -> ChatModel.readDocument(body(deep), s -> {}))
                .isInstanceOf(ChatModel.Failure.class)
                .hasMessageContaining("not understood");
    }
}

package chat.plume.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.platform.error.PlumeException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SignalPayloadsTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (PlumeException e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void anOfferOrAnAnswerIsRelayedAsItCame() {
        CallFrames.Description d = SignalPayloads.description(json("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}"));
        assertThat(d).isEqualTo(new CallFrames.Description("offer", "v=0\r\n"));
        assertThat(SignalPayloads.description(json("{\"type\":\"answer\",\"sdp\":\"v=0\"}"))
                        .type())
                .isEqualTo("answer");
    }

    @Test
    void aDescriptionIsBoundedAndShaped() {
        String big = "x".repeat(SignalPayloads.MAX_SDP + 1);
        assertThat(codeOf(() -> SignalPayloads.description(json("{\"type\":\"offer\",\"sdp\":\"" + big + "\"}"))))
                .isEqualTo("sdp_too_large");
        assertThat(codeOf(() -> SignalPayloads.description(json("{\"type\":\"rollback\",\"sdp\":\"v=0\"}"))))
                .isEqualTo("invalid_input");
        assertThat(codeOf(() -> SignalPayloads.description(json("{\"type\":\"offer\"}"))))
                .isEqualTo("invalid_input");
        assertThat(codeOf(() -> SignalPayloads.description(json("\"offer\"")))).isEqualTo("invalid_input");
        assertThat(codeOf(() -> SignalPayloads.description(null))).isEqualTo("invalid_input");
    }

    @Test
    void candidatesComeInBoundedBatchesOfTheBrowsersShape() {
        var ok = SignalPayloads.candidates(json("[{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"ab\"},{\"candidate\":\"\"}]"));
        assertThat(ok).hasSize(2);
        assertThat(ok.get(0).sdpMLineIndex()).isZero();
        assertThat(ok.get(1).candidate()).isEmpty();

        JsonArrayBuilder many = Json.createArrayBuilder();
        for (int i = 0; i <= SignalPayloads.MAX_CANDIDATES; i++) {
            many.add(Json.createObjectBuilder().add("candidate", "c").add("sdpMid", "0"));
        }
        JsonValue tooMany = many.build();
        assertThat(codeOf(() -> SignalPayloads.candidates(tooMany))).isEqualTo("too_many_candidates");
        assertThat(codeOf(() -> SignalPayloads.candidates(json("[]")))).isEqualTo("invalid_input");
        assertThat(codeOf(() -> SignalPayloads.candidates(json("[{\"candidate\":\"c\"}]"))))
                .as("a candidate needs its media line")
                .isEqualTo("invalid_input");
        assertThat(codeOf(() -> SignalPayloads.candidates(json("[{\"candidate\":\"c\",\"sdpMLineIndex\":-1}]"))))
                .isEqualTo("invalid_input");
        String long1 = "x".repeat(SignalPayloads.MAX_CANDIDATE + 1);
        assertThat(codeOf(
                        () -> SignalPayloads.candidates(json("[{\"candidate\":\"" + long1 + "\",\"sdpMid\":\"0\"}]"))))
                .isEqualTo("invalid_input");
        assertThatThrownBy(() -> SignalPayloads.candidates(json("[1]"))).isInstanceOf(PlumeException.class);
    }
}

package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.platform.events.PresenceChanged;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void aFrameIsReadWithItsTypeAndId() {
        InboundFrame frame = codec.decode("{\"type\":\"ping\",\"id\":\"r1\",\"extra\":true}");
        assertThat(frame.type()).isEqualTo("ping");
        assertThat(frame.id()).isEqualTo("r1");
        assertThat(frame.body().getBoolean("extra")).isTrue();
        assertThat(codec.decode("{\"type\":\"typing\"}").id()).isNull();
    }

    @Test
    void unreadableFramesAreRefusedWithAStableCode() {
        assertRefused("not json", "malformed_frame", null);
        assertRefused("[1]", "malformed_frame", null);
        assertRefused("\"text\"", "malformed_frame", null);
        assertRefused("{\"type\":\"ping\"", "malformed_frame", null);
        assertRefused("{\"id\":\"r9\"}", "invalid_frame", "r9");
        assertRefused("{\"type\":42,\"id\":\"r8\"}", "invalid_frame", "r8");
        assertRefused("{\"type\":\"ping\",\"id\":7}", "invalid_frame", null);
        assertRefused("{\"type\":\"ping\",\"id\":\"" + "x".repeat(65) + "\"}", "invalid_frame", null);
    }

    @Test
    void framesAreEncodedAsJsonObjectsWithTheirType() {
        assertThat(codec.encode(new Frames.Error("r1", "unknown_type", "Unknown frame type.")))
                .contains("\"type\":\"error\"")
                .contains("\"id\":\"r1\"")
                .contains("\"code\":\"unknown_type\"");
        assertThat(codec.encode(new Frames.Error(null, "malformed_frame", "x"))).doesNotContain("\"id\"");
        assertThat(codec.encode(new PresenceChanged(5, true).frame())).contains("\"status\":\"online\"");
    }

    private void assertRefused(String text, String code, String id) {
        assertThatThrownBy(() -> codec.decode(text)).isInstanceOfSatisfying(MalformedFrameException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.id()).isEqualTo(id);
        });
    }
}

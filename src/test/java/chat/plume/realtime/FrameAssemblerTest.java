package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    @Test
    void aWholeFrameComesBackAsItIs() throws Exception {
        FrameAssembler assembler = new FrameAssembler(16);
        String frame = "{\"type\":\"ping\"}";
        assertThat(assembler.add(frame, true)).isSameAs(frame);
    }

    @Test
    void partsAreJoinedAndTheCountStartsAfreshForTheNextFrame() throws Exception {
        FrameAssembler assembler = new FrameAssembler(10);
        assertThat(assembler.add("12345", false)).isNull();
        assertThat(assembler.add("67890", true)).isEqualTo("1234567890");
        assertThat(assembler.add("abcdefghij", true)).isEqualTo("abcdefghij");
    }

    @Test
    void refusesAtThePartThatPassesTheLimit() throws Exception {
        FrameAssembler assembler = new FrameAssembler(10);
        assertThat(assembler.add("123456", false)).isNull();
        assertThatThrownBy(() -> assembler.add("12345", false)).isInstanceOf(FrameAssembler.TooLarge.class);
    }

    @Test
    void countsUtf8BytesNotCharacters() throws Exception {
        assertThat(FrameAssembler.utf8Length("aé你😀")).isEqualTo(1 + 2 + 3 + 4);
        FrameAssembler assembler = new FrameAssembler(8);
        assertThat(assembler.add("你好", true)).isEqualTo("你好");
        assertThatThrownBy(() -> assembler.add("你好你", true)).isInstanceOf(FrameAssembler.TooLarge.class);
    }
}

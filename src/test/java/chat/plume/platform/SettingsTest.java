package chat.plume.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("plume.test.number");
        System.clearProperty("plume.test.list");
        System.clearProperty("plume.test.flag");
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertThat(Settings.environmentName("plume.ws.max-frame-bytes")).isEqualTo("PLUME_WS_MAX_FRAME_BYTES");
    }

    @Test
    void aSystemPropertyIsReadAndCheckedAgainstItsRange() {
        assertThat(Settings.integer("plume.test.number", 7, 1, 10)).isEqualTo(7);
        System.setProperty("plume.test.number", " 9 ");
        assertThat(Settings.integer("plume.test.number", 7, 1, 10)).isEqualTo(9);
        assertThat(Settings.seconds("plume.test.number", 1, 1, 10)).isEqualTo(Duration.ofSeconds(9));
        System.setProperty("plume.test.number", "11");
        assertThatThrownBy(() -> Settings.integer("plume.test.number", 7, 1, 10))
                .hasMessageContaining("plume.test.number")
                .hasMessageContaining("between 1 and 10");
        System.setProperty("plume.test.number", "many");
        assertThatThrownBy(() -> Settings.integer("plume.test.number", 7, 1, 10))
                .hasMessageContaining("whole number");
    }

    @Test
    void listsAndFlagsParse() {
        assertThat(Settings.list("plume.test.list")).isEmpty();
        System.setProperty("plume.test.list", "https://a.example, ,https://b.example");
        assertThat(Settings.list("plume.test.list")).containsExactly("https://a.example", "https://b.example");
        System.setProperty("plume.test.flag", "TRUE");
        assertThat(Settings.flag("plume.test.flag", false)).isTrue();
        System.setProperty("plume.test.flag", "yes");
        assertThatThrownBy(() -> Settings.flag("plume.test.flag", false)).hasMessageContaining("true or false");
    }
}

package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLanguageTest {

    @Test
    void theFirstPreferencePlumeSpeaksWins() {
        assertThat(MailLanguage.of("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo("zh-CN");
        assertThat(MailLanguage.of("zh-TW")).isEqualTo("zh-CN");
        assertThat(MailLanguage.of("de-DE,en;q=0.5,zh;q=0.1")).isEqualTo("en");
        assertThat(MailLanguage.of("en-GB")).isEqualTo("en");
    }

    @Test
    void aRequestThatAsksForNothingPlumeSpeaksChangesNothing() {
        assertThat(MailLanguage.of(null)).isNull();
        assertThat(MailLanguage.of("de-DE,fr")).isNull();
        assertThat(MailLanguage.of(";;;q=x")).isNull();
        assertThat(MailLanguage.of("en,".repeat(200))).isNull();
    }
}

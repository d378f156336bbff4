package chat.plume.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static final String[] KEYS = {
        "plume.mail.host", "plume.public-url", "plume.mail.password", "plume.mail.username", "plume.mail.tls"
    };

    @AfterEach
    void clear() {
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    private static MailSettings with(Map<String, String> values) {
        values.forEach(System::setProperty);
        return MailSettings.fromConfiguration();
    }

    @Test
    void mailIsOffUntilAHostIsSet() {
        assertThat(with(Map.of()).enabled()).isFalse();
    }

    @Test
    void linksNeedAPublicAddressNeverTheRequestsHost() {
        assertThatThrownBy(() -> with(Map.of("plume.mail.host", "smtp.example.test")))
                .hasMessageContaining("plume.public-url");
        assertThatThrownBy(() -> with(Map.of("plume.mail.host", "smtp.example.test", "plume.public-url", "ftp://x")))
                .hasMessageContaining("http(s)");
        MailSettings settings =
                with(Map.of("plume.mail.host", "smtp.example.test", "plume.public-url", "https://chat.example.test/"));
        assertThat(settings.link("/#/verify-email/t")).isEqualTo("https://chat.example.test/#/verify-email/t");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.tls()).isEqualTo(MailSettings.Tls.STARTTLS);
    }

    @Test
    void thePasswordNeverShows() {
        MailSettings settings = with(Map.of(
                "plume.mail.host", "smtp.example.test",
                "plume.public-url", "https://chat.example.test",
                "plume.mail.username", "plume",
                "plume.mail.password", "s3cret-smtp-password",
                "plume.mail.tls", "tls"));
        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(settings.port()).isEqualTo(465);
        assertThatThrownBy(() -> with(Map.of("plume.mail.tls", "maybe"))).hasMessageContaining("none, starttls or tls");
    }
}

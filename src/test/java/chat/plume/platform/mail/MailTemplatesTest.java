package chat.plume.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.identity.control.AccountMails;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

    private static final Map<String, String> VALUES = Map.of(
            "name", "<b>Mallory</b> & \"co\"",
            "username", "mallory",
            "address", "m@example.test",
            "hours", "24",
            "minutes", "30");

    @ParameterizedTest
    @ValueSource(strings = {AccountMails.BUNDLE, "chat.plume.bots.mail"})
    void bothLanguagesHaveEveryWord(String bundle) {
        assertThat(MailTemplates.words(bundle, Locale.SIMPLIFIED_CHINESE).keySet())
                .containsExactlyInAnyOrderElementsOf(
                        MailTemplates.words(bundle, Locale.ENGLISH).keySet());
    }

    @Test
    void theHtmlPartEscapesWhatPeopleWroteAndTheTextPartHasTheLink() {
        Mail mail = AccountMails.compose(
                AccountMails.PASSWORD_RESET,
                "m@example.test",
                null,
                "https://chat.example/#/reset-password/plm_x",
                VALUES);
        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.html())
                .contains("&lt;b&gt;Mallory&lt;/b&gt; &amp; &quot;co&quot;")
                .doesNotContain("<b>Mallory")
                .contains("href=\"https://chat.example/#/reset-password/plm_x\"");
        assertThat(mail.text())
                .contains("Hello <b>Mallory</b>")
                .contains("30 minutes")
                .contains("https://chat.example/#/reset-password/plm_x");
    }

    @Test
    void mailIsWrittenInThePersonsLanguage() {
        Mail mail = AccountMails.compose(AccountMails.VERIFY_EMAIL, "m@example.test", "zh-CN", "https://x/#/v", VALUES);
        assertThat(mail.subject()).isEqualTo("确认你的邮箱地址");
        assertThat(mail.text()).contains("24 小时内有效").contains("@mallory");
        assertThat(mail.html()).startsWith("<!DOCTYPE html><html lang=\"zh-CN\">");
    }

    @Test
    void aMailWithoutALinkHasNoAction() {
        Mail mail = AccountMails.compose(AccountMails.EMAIL_CHANGED, "old@example.test", "en", null, VALUES);
        assertThat(mail.html()).doesNotContain("<a ");
        assertThat(mail.toString()).doesNotContain("m@example.test");
    }
}

package chat.plume.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 1, 0);
    private static final Mail MAIL =
            new Mail("password_reset", "a@example.test", "Reset", "link plm_x", "<a>plm_x</a>");

    @Test
    void aFailedAttemptWaitsAndKeepsTheMail() {
        OutboxMail row = new OutboxMail(MAIL, NOW);
        row.failed("connection refused", Duration.ofSeconds(30), NOW);
        assertThat(row.status()).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.mail()).isEqualTo(MAIL);
    }

    @Test
    void onceSentOrGivenUpOnTheLinkInItIsErased() {
        OutboxMail sent = new OutboxMail(MAIL, NOW);
        sent.sent(NOW);
        assertThat(sent.status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(sent.mail().text()).isNull();
        assertThat(sent.mail().html()).isNull();

        OutboxMail refused = new OutboxMail(MAIL, NOW);
        refused.failed("550 no such user " + "x".repeat(600), null, NOW);
        assertThat(refused.status()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(refused.mail().text()).isNull();
    }
}

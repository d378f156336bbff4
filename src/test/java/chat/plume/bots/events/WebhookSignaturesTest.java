package chat.plume.bots.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    /** The example of the Standard Webhooks specification. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(WebhookSignatures.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String next = WebhookSignatures.newSecret();
        String header = WebhookSignatures.header(List.of(SECRET, next), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(WebhookSignatures.verify(SECRET, ID, TIMESTAMP, BODY, header))
                .isTrue();
        assertThat(WebhookSignatures.verify(next, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSignatures.verify(WebhookSignatures.newSecret(), ID, TIMESTAMP, BODY, header))
                .isFalse();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        String header = WebhookSignatures.header(List.of(SECRET), ID, TIMESTAMP, BODY);
        assertThat(WebhookSignatures.verify(SECRET, ID, TIMESTAMP + 1, BODY, header))
                .isFalse();
        assertThat(WebhookSignatures.verify(SECRET, ID + "x", TIMESTAMP, BODY, header))
                .isFalse();
        assertThat(WebhookSignatures.verify(SECRET, ID, TIMESTAMP, BODY + " ", header))
                .isFalse();
        assertThat(WebhookSignatures.newSecret()).startsWith("whsec_").hasSize(6 + 44);
    }
}

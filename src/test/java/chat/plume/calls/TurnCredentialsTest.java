package chat.plume.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    @Test
    void theUsernameIsExpiryColonUserAndThePasswordItsHmacSha1AsCoturnChecksIt() {
        TurnCredentials.Credential credential =
                new TurnCredentials("s3cret").issue("7", Instant.ofEpochSecond(1_765_072_800L, 999_000_000));

        assertThat(credential.username()).isEqualTo("1765072800:7");
        // Computed independently: printf '1765072800:7' | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertThat(credential.password()).isEqualTo("qvrE6RsLYJkmxHpIOKJ58KGw6os=");
        assertThat(credential.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_765_072_800L));
    }

    @Test
    void anotherSecretOrUserGivesAnotherPassword() {
        Instant at = Instant.ofEpochSecond(1_765_072_800L);
        String password = new TurnCredentials("s3cret").issue("7", at).password();
        assertThat(new TurnCredentials("other").issue("7", at).password()).isNotEqualTo(password);
        assertThat(new TurnCredentials("s3cret").issue("8", at).password()).isNotEqualTo(password);
    }
}

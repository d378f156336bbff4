package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238's SHA-1 secret, "12345678901234567890". */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037"})
    void theRfc6238TestVectorsLastSixDigits(long time, String code) {
        assertThat(Totp.code(RFC_SECRET, Totp.stepAt(time))).isEqualTo(code);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        String secret = Totp.newSecret();
        long now = 1_700_000_000L;
        long step = Totp.stepAt(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, null)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
        // Used already: the same code, or an older one, is refused.
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, step)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void onlySixDigitsAreCodes() {
        String secret = Totp.newSecret();
        assertThat(Totp.verify(secret, null, 0, null)).isEmpty();
        assertThat(Totp.verify(secret, "12345", 0, null)).isEmpty();
        assertThat(Totp.verify(secret, "1234567", 0, null)).isEmpty();
        assertThat(Totp.verify(secret, "12a456", 0, null)).isEmpty();
    }

    @Test
    void secretsAreBase32Of160RandomBitsAndRoundTrip() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
        assertThat(Totp.uri("Plume", "alice", secret))
                .isEqualTo("otpauth://totp/Plume:alice?secret=" + secret
                        + "&issuer=Plume&algorithm=SHA1&digits=6&period=30");
    }
}

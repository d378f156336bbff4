package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // The production minimum; a lower count would make this test faster and prove less.
    private final PasswordHasher hasher = new PasswordHasher(IdentitySettings.MIN_PASSWORD_ITERATIONS);

    @Test
    void aHashIsSaltedAndVerifiesOnlyTheRightPassword() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery", second)).isTrue();
        assertThat(hasher.matches("Correct horse battery", first)).isFalse();
        assertThat(hasher.matches("", first)).isFalse();
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "md5$abc")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$notanumber$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
    }

    @Test
    void aHashWithFewerIterationsThanConfiguredNeedsRehash() {
        String weak = new PasswordHasher(1000).hash("password-1");
        assertThat(hasher.matches("password-1", weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("password-1"))).isFalse();
    }
}

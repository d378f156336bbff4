package chat.plume.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void tokensAreRandomPrefixedAndDigestedDeterministically() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SessionTokens.generate();
            assertThat(token).startsWith("plm_").hasSize(47).matches("plm_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
        String token = SessionTokens.generate();
        assertThat(SessionTokens.digest(token))
                .hasSize(64)
                .isEqualTo(SessionTokens.digest(token))
                .isNotEqualTo(SessionTokens.digest(SessionTokens.generate()));
    }

    @Test
    void implausibleValuesAreRejectedBeforeAnyLookup() {
        assertThat(SessionTokens.plausible(null)).isFalse();
        assertThat(SessionTokens.plausible("abc")).isFalse();
        assertThat(SessionTokens.plausible("plm_" + "x".repeat(100))).isFalse();
        assertThat(SessionTokens.plausible(SessionTokens.generate())).isTrue();
    }
}

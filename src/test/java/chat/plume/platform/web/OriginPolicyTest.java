package chat.plume.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy sameOriginOnly = new OriginPolicy(List.of());

    @Test
    void theSameHostAndPortIsAllowedWhateverTheScheme() {
        assertThat(sameOriginOnly.allows("http://localhost:8080", "localhost:8080"))
                .isTrue();
        assertThat(sameOriginOnly.allows("https://Chat.Example.com", "chat.example.com"))
                .isTrue();
    }

    @Test
    void otherOriginsAreRefused() {
        assertThat(sameOriginOnly.allows("http://localhost:9999", "localhost:8080"))
                .isFalse();
        assertThat(sameOriginOnly.allows("https://evil.example", "chat.example.com"))
                .isFalse();
        assertThat(sameOriginOnly.allows("https://chat.example.com.evil.example", "chat.example.com"))
                .isFalse();
        assertThat(sameOriginOnly.allows("null", "chat.example.com")).isFalse();
        assertThat(sameOriginOnly.allows("http://localhost:8080/path", "localhost:8080"))
                .isFalse();
        assertThat(sameOriginOnly.allows("::not a uri::", "localhost:8080")).isFalse();
        assertThat(sameOriginOnly.allows("http://localhost:8080", null)).isFalse();
    }

    @Test
    void listedOriginsAreAllowedAndNoOriginMeansNotABrowser() {
        OriginPolicy listed = new OriginPolicy(List.of("https://app.example.com"));
        assertThat(listed.allows("https://app.example.com", "api.example.com")).isTrue();
        assertThat(listed.allows("https://other.example.com", "api.example.com"))
                .isFalse();
        assertThat(sameOriginOnly.allows(null, "localhost:8080")).isTrue();
    }
}

package chat.plume.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCredentialsTest {

    @Test
    void theBearerHeaderWinsOverTheCookie() {
        assertThat(SessionCredentials.token("Bearer plm_header", List.of("plume_session=plm_cookie")))
                .contains("plm_header");
        assertThat(SessionCredentials.token("bearer   plm_lower ", List.of())).contains("plm_lower");
    }

    @Test
    void theCookieIsFoundAmongOthers() {
        assertThat(SessionCredentials.token(null, List.of("theme=dark; plume_session=plm_abc; lang=zh")))
                .contains("plm_abc");
        assertThat(SessionCredentials.token(null, List.of("a=1", "plume_session=plm_second")))
                .contains("plm_second");
    }

    @Test
    void nothingUsableMeansNoToken() {
        assertThat(SessionCredentials.token(null, null)).isEmpty();
        assertThat(SessionCredentials.token("Basic dXNlcjpwYXNz", List.of("other=1")))
                .isEmpty();
        assertThat(SessionCredentials.token(null, List.of("plume_session="))).isEmpty();
        assertThat(SessionCredentials.token(null, List.of("not_plume_session=plm_x")))
                .isEmpty();
    }
}

package chat.plume.load;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.testing.ClientTestBase;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** A few seconds of the load tool against the test server, so that the tool cannot rot. */
@RunAsClient
class LoadToolSmokeIT extends ClientTestBase {

    @Test
    void aShortDirectRunDeliversEveryMessageOnce() throws Exception {
        DirectScenario.Result result = new DirectScenario(api.base(), 2, 40, Duration.ofSeconds(3)).run();
        System.out.println("LoadToolSmokeIT " + result);
        assertThat(result.sent()).isGreaterThan(50);
        assertThat(result.errors()).isZero();
        assertThat(result.acknowledged()).isEqualTo(result.sent());
        assertThat(result.delivered()).isEqualTo(result.acknowledged());
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.p99Micros()).isPositive();
    }
}

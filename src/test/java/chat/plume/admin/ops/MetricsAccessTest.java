package chat.plume.admin.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

    @Test
    void addressesAndRangesOfBothFamilies() {
        MetricsAccess access = new MetricsAccess(List.of("127.0.0.1", "10.1.0.0/16", "fd00::/8"), Optional.empty());
        assertThat(access.allows("127.0.0.1", null)).isTrue();
        assertThat(access.allows("127.0.0.2", null)).isFalse();
        assertThat(access.allows("10.1.255.7", null)).isTrue();
        assertThat(access.allows("10.2.0.1", null)).isFalse();
        assertThat(access.allows("fd12:3456::1", null)).isTrue();
        assertThat(access.allows("fe80::1", null)).isFalse();
        assertThat(access.allows("::1", null)).isFalse();
        assertThat(access.allows(null, null)).isFalse();
        assertThat(access.allows("not-an-address", null)).isFalse();
    }

    @Test
    void aRangeWhosePrefixIsNotAByteBoundary() {
        MetricsAccess access = new MetricsAccess(List.of("192.168.4.0/22"), Optional.empty());
        assertThat(access.allows("192.168.7.255", null)).isTrue();
        assertThat(access.allows("192.168.8.0", null)).isFalse();
        assertThat(access.allows("192.168.3.255", null)).isFalse();
    }

    @Test
    void theBearerTokenLetsAnyAddressIn() {
        MetricsAccess access = new MetricsAccess(List.of("127.0.0.1"), Optional.of("s3cret-token"));
        assertThat(access.allows("203.0.113.9", "Bearer s3cret-token")).isTrue();
        assertThat(access.allows("203.0.113.9", "Bearer s3cret-toke")).isFalse();
        assertThat(access.allows("203.0.113.9", "Bearer s3cret-token2")).isFalse();
        assertThat(access.allows("203.0.113.9", "Basic s3cret-token")).isFalse();
        assertThat(access.allows("203.0.113.9", null)).isFalse();
        assertThat(new MetricsAccess(List.of(), Optional.empty()).allows("203.0.113.9", "Bearer "))
                .isFalse();
    }

    @Test
    void aMistypedRangeStopsTheDeploymentRatherThanAllowingEveryone() {
        assertThatThrownBy(() -> new MetricsAccess(List.of("10.0.0.0/33"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsAccess(List.of("intranet.example"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throughAProxyOnlyTheTokenCounts() {
        MetricsAccess access = new MetricsAccess(List.of("127.0.0.1"), Optional.of("s3cret-token"));
        assertThat(access.allows("127.0.0.1", null, true)).isFalse();
        assertThat(access.allows("127.0.0.1", "Bearer s3cret-token", true)).isTrue();
        assertThat(access.allows("127.0.0.1", null, false)).isTrue();
    }

    @Test
    void onlyAddressLiteralsAreRead() {
        MetricsAccess access = new MetricsAccess(List.of("0.0.0.0/0", "::/0"), Optional.empty());
        assertThat(access.allows("203.0.113.9", null)).isTrue();
        assertThat(access.allows("fe80::1%eth0", null)).isTrue();
        // A name would be looked up: never, whatever it is.
        assertThat(access.allows("localhost", null)).isFalse();
        assertThat(access.allows("deadbeef", null)).isFalse();
    }
}

package chat.plume.bots.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    private final PublicAddresses strict = new PublicAddresses(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.255",
                "192.0.0.8",
                "192.0.2.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fec0::1",
                "ff02::1",
                "2001:db8::1",
                "::ffff:127.0.0.1",
                "::ffff:10.1.2.3",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b::7f00:1",
                "2002:7f00:1::1",
                "2002:c0a8:101::1"
            })
    void notPublic(String address) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                .as(address)
                .isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThat(strict.refusal(URI.create("https://" + host + "/hook")))
                .as(address)
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "2606:4700:4700::1111",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1",
                "172.32.0.1",
                "100.128.0.1",
                "198.20.0.1"
            })
    void isPublic(String address) throws Exception {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                .as(address)
                .isTrue();
    }

    @Test
    void onlyHttpUrlsWithoutCredentials() {
        assertThat(strict.refusal(URI.create("ftp://8.8.8.8/x"))).isPresent();
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(strict.refusal(URI.create("https://user:pw@8.8.8.8/x"))).isPresent();
        assertThat(strict.refusal(URI.create("https://8.8.8.8/x"))).isEmpty();
        assertThat(strict.refusal(URI.create("https://localhost/x"))).isPresent();
        assertThat(strict.refusal(URI.create("https://no-such-host.invalid/x"))).isPresent();
    }

    @Test
    void anOperatorMayAllowAHostOrANetwork() {
        PublicAddresses allowing = new PublicAddresses(List.of("LOCALHOST", "10.1.0.0/16", "fd00::/8"));
        assertThat(allowing.refusal(URI.create("http://localhost:8080/hook"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://10.1.200.3/hook"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://10.2.0.1/hook"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://[fd12::1]/hook"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.1/hook"))).isPresent();
        assertThatThrownBy(() -> new PublicAddresses(List.of("10.0.0.0/99"))).hasMessageContaining("bad network");
    }
}

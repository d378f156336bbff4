package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameScanTest {

    @Test
    void measuresNestingOutsideStringsOnly() {
        assertThat(FrameScan.nestsDeeperThan("{\"a\":[1,{\"b\":[]}]}", 4)).isFalse();
        assertThat(FrameScan.nestsDeeperThan("{\"a\":[1,{\"b\":[]}]}", 3)).isTrue();
        assertThat(FrameScan.nestsDeeperThan("{\"a\":\"[[[[[[[[[[\"}", 2)).isFalse();
        assertThat(FrameScan.nestsDeeperThan("{\"a\":\"\\\"[[[[[[\"}", 2)).isFalse();
        assertThat(FrameScan.nestsDeeperThan("[".repeat(33), 32)).isTrue();
        assertThat(FrameScan.nestsDeeperThan("[".repeat(32), 32)).isFalse();
    }

    @Test
    void findsTheTopLevelIdOnly() {
        assertThat(FrameScan.requestId("{\"type\":\"send\",\"id\":\"r1\"}")).isEqualTo("r1");
        assertThat(FrameScan.requestId(" { \"id\" : \"r2\" , \"type\":\"x\"}")).isEqualTo("r2");
        assertThat(FrameScan.requestId("{\"body\":{\"id\":\"inner\"},\"id\":\"outer\"}"))
                .isEqualTo("outer");
        assertThat(FrameScan.requestId("{\"body\":\"\\\"id\\\":\\\"fake\\\"\",\"type\":\"x\"}"))
                .isNull();
        assertThat(FrameScan.requestId("{\"list\":[\"id\",\"x\"],\"id\":\"after-array\"}"))
                .isEqualTo("after-array");
        assertThat(FrameScan.requestId("{\"type\":\"id\",\"x\":1}")).isNull();
    }

    @Test
    void givesUpWhereParsingWouldBeNeeded() {
        assertThat(FrameScan.requestId("[\"id\",\"x\"]")).isNull();
        assertThat(FrameScan.requestId("{\"id\":7}")).isNull();
        assertThat(FrameScan.requestId("{\"id\":\"a\\u0041\"}")).isNull();
        assertThat(FrameScan.requestId("{\"id\":\"" + "x".repeat(65) + "\"}")).isNull();
        assertThat(FrameScan.requestId("{\"id\":\"\"}")).isNull();
        assertThat(FrameScan.requestId("{\"id\":\"unterminated")).isNull();
        assertThat(FrameScan.requestId("not json at all")).isNull();
        assertThat(FrameScan.requestId("")).isNull();
    }
}

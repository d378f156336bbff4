package chat.plume.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.entity.Role;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.RateLimitedException;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-connection facilities handlers get: deferred answers (bounded, answered once) and pacing. */
class ConnectionContextTest {

    private final ConnectionTest.FakeSession session = new ConnectionTest.FakeSession();
    private final Connection connection = new Connection(
            session.session(), new Caller(1, "a", Role.USER, 1, Instant.MAX), new FrameCodec(), Runnable::run, 1000);
    private final ConnectionContext context = new ConnectionContext(connection, new FrameFailures());

    {
        session.completeAtOnce = true;
    }

    private static InboundFrame frame(String id) {
        return new InboundFrame("send", id, Json.createObjectBuilder().build());
    }

    @Test
    void atMostAHundredRequestsWaitAndAnsweringFreesASlot() {
        List<FrameContext.DeferredAnswer> waiting = new ArrayList<>();
        for (int i = 0; i < FrameContext.MAX_DEFERRED; i++) {
            waiting.add(context.defer(frame("r" + i)));
        }
        assertThatThrownBy(() -> context.defer(frame("one-too-many")))
                .isInstanceOf(RateLimitedException.class)
                .hasFieldOrPropertyWithValue("code", "busy");
        waiting.get(0).answer(new Frames.Pong("r0"));
        waiting.get(1).fail(new InvalidInputException("empty_message", "body", "A message needs some text."));
        assertThat(context.defer(frame("after"))).isNotNull();
        assertThat(context.defer(frame("after-2"))).isNotNull();
        assertThatThrownBy(() -> context.defer(frame("full-again"))).isInstanceOf(RateLimitedException.class);
        assertThat(session.written).anyMatch(w -> w.contains("\"id\":\"r0\""));
        assertThat(session.written).anyMatch(w -> w.contains("\"id\":\"r1\"") && w.contains("empty_message"));
    }

    @Test
    void aDeferredAnswerGoesOutOnceAndFreesOneSlotOnly() {
        FrameContext.DeferredAnswer answer = context.defer(frame("once"));
        answer.answer(new Frames.Pong("once"));
        answer.answer(new Frames.Pong("once"));
        answer.fail(new IllegalStateException("late"));
        assertThat(session.written.stream().filter(w -> w.contains("\"id\":\"once\"")))
                .hasSize(1);
        for (int i = 0; i < FrameContext.MAX_DEFERRED; i++) {
            context.defer(frame("fill" + i));
        }
        assertThatThrownBy(() -> context.defer(frame("over"))).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void pacingAllowsOncePerIntervalPerKey() {
        assertThat(context.onceEvery("typing", Duration.ofMinutes(1))).isTrue();
        assertThat(context.onceEvery("typing", Duration.ofMinutes(1))).isFalse();
        assertThat(context.onceEvery("other", Duration.ofMinutes(1))).isTrue();
        assertThat(context.onceEvery("now", Duration.ZERO)).isTrue();
        assertThat(context.onceEvery("now", Duration.ZERO)).isTrue();
    }
}

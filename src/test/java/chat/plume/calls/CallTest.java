package chat.plume.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 6, 21, 0);
    private static final CallSettings SETTINGS = new CallSettings(
            Duration.ofSeconds(45),
            Duration.ofSeconds(30),
            Duration.ofSeconds(15),
            6,
            List.of(),
            List.of(),
            null,
            Duration.ofHours(1));

    private static CallBook book() {
        CallBook book = new CallBook();
        book.settings = SETTINGS;
        return book;
    }

    private static Call ringing() {
        return new Call(12, false, CallMedia.VIDEO, 7, START);
    }

    @Test
    void aCallRingsIsAnsweredAndEndsOnceKeepingItsFirstReason() {
        Call call = ringing();
        assertThat(call.state()).isEqualTo(CallState.RINGING);
        assertThat(call.isLive()).isTrue();

        call.answer(START.plusSeconds(5));
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
        call.answer(START.plusSeconds(9));
        assertThat(call.answeredAt()).as("a second answer changes nothing").isEqualTo(START.plusSeconds(5));

        assertThat(call.end(EndReason.COMPLETED, START.plusSeconds(197))).isTrue();
        assertThat(call.end(EndReason.DROPPED, START.plusSeconds(200))).isFalse();
        assertThat(call.endReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(192));
        assertThat(call.isLive()).isFalse();
        assertThat(call.deadline()).isNull();
    }

    @Test
    void anUnansweredCallLastedNothingAndAnEndedOneCannotBeAnswered() {
        Call call = ringing();
        call.end(EndReason.MISSED, START.plusSeconds(45));
        assertThat(call.duration()).isZero();
        call.answer(START.plusSeconds(46));
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.connected(START.plusSeconds(47))).isFalse();
    }

    @Test
    void theNextLookIsTheEarliestOfRingConnectAndALostDevicesGrace() {
        CallBook book = book();
        Call call = ringing();
        CallParticipant caller = CallParticipant.joined(1, 7, "d7", false, START);
        CallParticipant callee = CallParticipant.invited(1, 9);
        assertThat(book.nextLook(call, List.of(caller, callee))).isEqualTo(START.plusSeconds(45));

        caller.lost(START.plusSeconds(10));
        assertThat(book.nextLook(call, List.of(caller, callee))).isEqualTo(START.plusSeconds(25));

        caller.rejoin("d7b", START.plusSeconds(12));
        callee.join("d9", false, START.plusSeconds(20));
        call.answer(START.plusSeconds(20));
        assertThat(book.nextLook(call, List.of(caller, callee))).isEqualTo(START.plusSeconds(50));

        call.connected(START.plusSeconds(22));
        assertThat(book.nextLook(call, List.of(caller, callee)))
                .as("connected: nothing is due")
                .isNull();

        callee.lost(START.plusSeconds(60));
        assertThat(book.nextLook(call, List.of(caller, callee))).isEqualTo(START.plusSeconds(75));
    }

    @Test
    void aParticipantIsOnTheDeviceTheyJoinedFromUntilTheyLeave() {
        CallParticipant p = CallParticipant.joined(1, 7, "d1", true, START);
        assertThat(p.isOn("d1")).isTrue();
        assertThat(p.isOn("d2")).isFalse();
        assertThat(p.muted()).isTrue();
        p.rejoin("d2", START.plusSeconds(3));
        assertThat(p.isOn("d2")).isTrue();
        assertThat(p.joinedAt()).isEqualTo(START.plusSeconds(3));
        p.leave(ParticipantState.LEFT, START.plusSeconds(9));
        assertThat(p.isOn("d2")).isFalse();
        p.lost(START.plusSeconds(10));
        assertThat(p.lostAt())
                .as("only someone in the call can lose their device")
                .isNull();
    }
}

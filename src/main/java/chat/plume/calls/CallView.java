package chat.plume.calls;

import chat.plume.platform.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A call as its participants see it: the same for every one of them (it is encoded once per
 * change). It names no device: a page knows whether it is the device in the call by whether its
 * own invite or accept was answered.
 *
 * @param limit how many may be in the call at once (group calls)
 * @param durationSeconds how long it was answered for, once ended
 */
public record CallView(
        long id,
        long conversation,
        boolean group,
        String media,
        String state,
        String reason,
        long startedBy,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        long durationSeconds,
        int limit,
        List<Participant> participants) {

    /** One person in the call: {@code invited}, {@code joined}, {@code left}, {@code declined} or {@code dropped}. */
    public record Participant(long user, String state, boolean muted, Instant joinedAt) {}

    static CallView of(Call call, List<CallParticipant> participants, int limit) {
        return new CallView(
                call.id(),
                call.conversationId(),
                call.isGroupCall(),
                lower(call.media()),
                lower(call.state()),
                call.endReason() == null ? null : lower(call.endReason()),
                call.startedBy(),
                Timestamps.toInstant(call.createdAt()),
                call.answeredAt() == null ? null : Timestamps.toInstant(call.answeredAt()),
                call.endedAt() == null ? null : Timestamps.toInstant(call.endedAt()),
                call.endedAt() == null ? 0 : call.duration().toSeconds(),
                limit,
                participants.stream()
                        .map(p -> new Participant(
                                p.accountId(),
                                lower(p.state()),
                                p.muted(),
                                p.joinedAt() == null ? null : Timestamps.toInstant(p.joinedAt())))
                        .toList());
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

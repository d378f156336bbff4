package chat.plume.calls;

import chat.plume.messaging.CallLog;
import chat.plume.platform.Timestamps;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A group call follows its group, in the group change's own transaction: someone who leaves the
 * group or is removed from it leaves its call (no more signalling reaches them), and a group that
 * is dissolved ends its call.
 */
@ApplicationScoped
public class CallMembership {

    @Inject
    CallLog log;

    @Inject
    CallBook book;

    @Inject
    Event<Push> push;

    void onGroupActivity(@Observes GroupActivity activity) {
        boolean leaving = List.of("left", "removed", "expelled").contains(activity.type());
        boolean ending = List.of("dissolved", "closed").contains(activity.type());
        if (!leaving && !ending) {
            return;
        }
        Long conversation = log.conversationOfGroup(activity.groupId()).orElse(null);
        if (conversation == null) {
            return;
        }
        log.lockConversation(conversation);
        Call call = book.liveIn(conversation);
        if (call == null) {
            return;
        }
        List<CallParticipant> participants = book.participants(call.id());
        LocalDateTime now = Timestamps.now();
        if (leaving) {
            CallParticipant gone = CallBook.find(participants, activity.user());
            if (gone == null || !gone.isJoined()) {
                return;
            }
            gone.leave(ParticipantState.LEFT, now);
        }
        if (ending || CallBook.joinedCount(participants) == 0) {
            book.end(call, participants, call.answeredAt() == null ? EndReason.CANCELLED : EndReason.COMPLETED, now);
        }
        CallView view = book.changed(call, participants, true);
        if (leaving) {
            // No longer in the conversation (or about not to be): told directly, so their page hangs up.
            push.fire(Push.to(activity.user(), CallFrames.CallFrame.push(view)));
        }
    }
}

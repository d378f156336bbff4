package chat.plume.calls;

import chat.plume.messaging.CallLog;
import chat.plume.platform.events.Push;
import chat.plume.platform.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every change of a call does, in the changing transaction: find the call and its
 * participants (behind the conversation's lock, so changes of one conversation's calls never
 * interleave), end it, and afterwards set when it must next be looked at, rewrite its entry in the
 * conversation and tell everyone it concerns.
 */
@ApplicationScoped
public class CallBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallLog log;

    @Inject
    CallSettings settings;

    @Inject
    Event<Push> push;

    @Inject
    Metrics metrics;

    /**
     * The call, read again behind its conversation's lock (held until the transaction ends), or
     * null when there is no such call.
     */
    Call lockedCall(long callId) {
        Call call = em.find(Call.class, callId);
        if (call == null) {
            return null;
        }
        log.lockConversation(call.conversationId());
        em.refresh(call);
        return call;
    }

    /** The live call of a conversation (whose lock the caller holds), or null. */
    Call liveIn(long conversationId) {
        return em.createNamedQuery(Call.LIVE_IN, Call.class)
                .setParameter("conversation", conversationId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    List<CallParticipant> participants(long callId) {
        return new ArrayList<>(em.createNamedQuery(CallParticipant.OF_CALL, CallParticipant.class)
                .setParameter("call", callId)
                .getResultList());
    }

    static CallParticipant find(List<CallParticipant> participants, long accountId) {
        return participants.stream()
                .filter(p -> p.accountId() == accountId)
                .findFirst()
                .orElse(null);
    }

    static long joinedCount(List<CallParticipant> participants) {
        return participants.stream().filter(CallParticipant::isJoined).count();
    }

    /** The live calls in which someone is in one of these states (rung: INVITED; in it: JOINED). */
    List<Long> liveCallsOf(long accountId, ParticipantState... states) {
        return em.createNamedQuery(CallParticipant.ENGAGED, Long.class)
                .setParameter("account", accountId)
                .setParameter("engaged", List.of(states))
                .getResultList();
    }

    /** Ends the call once: whoever was still in it has left; whoever was still rung missed it. */
    void end(Call call, List<CallParticipant> participants, EndReason reason, LocalDateTime now) {
        if (!call.end(reason, now)) {
            return;
        }
        for (CallParticipant p : participants) {
            if (p.isJoined()) {
                p.leave(ParticipantState.LEFT, now);
            }
        }
        metrics.callEnded(CallView.lower(reason), call.answeredAt() == null ? null : call.duration());
    }

    /**
     * After a change: sets when the call must next be looked at, rewrites its entry in the
     * conversation ({@code rewriteEntry}: false only right after writing it) and pushes the call to
     * every device of everyone in the conversation. Returns the call as they see it.
     */
    CallView changed(Call call, List<CallParticipant> participants, boolean rewriteEntry) {
        call.lookAgainAt(nextLook(call, participants));
        if (rewriteEntry) {
            log.update(call.conversationId(), call.messageSeq(), entry(call, participants));
        }
        CallView view = view(call, participants);
        push.fire(Push.to(log.audience(call.conversationId()), CallFrames.CallFrame.push(view)));
        return view;
    }

    /** Sets when the call must next be looked at, telling nobody (nothing they see changed). */
    void rescheduled(Call call, List<CallParticipant> participants) {
        call.lookAgainAt(nextLook(call, participants));
    }

    CallView view(Call call, List<CallParticipant> participants) {
        return CallView.of(call, participants, settings.groupLimit());
    }

    /**
     * The earliest moment something may happen to the call by itself: it stops ringing, fails to
     * connect, or a participant who lost their connection is dropped. Null for an ended call.
     */
    LocalDateTime nextLook(Call call, List<CallParticipant> participants) {
        if (!call.isLive()) {
            return null;
        }
        Stream<LocalDateTime> times = participants.stream()
                .filter(p -> p.isJoined() && p.lostAt() != null)
                .map(p -> p.lostAt().plus(settings.rejoinGrace()));
        if (call.state() == CallState.RINGING) {
            times = Stream.concat(times, Stream.of(call.createdAt().plus(settings.ringTimeout())));
        } else if (call.connectedAt() == null && call.answeredAt() != null) {
            times = Stream.concat(times, Stream.of(call.answeredAt().plus(settings.connectTimeout())));
        }
        return times.min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The call's entry in the conversation (a {@code CALL} message's body, docs/protocol.md):
     * what the chat shows, e.g. "Missed voice call" or "Video call · 3:12".
     */
    String entry(Call call, List<CallParticipant> participants) {
        JsonArrayBuilder joined = Json.createArrayBuilder();
        participants.stream().filter(p -> p.joinedAt() != null).forEach(p -> joined.add(p.accountId()));
        var body = Json.createObjectBuilder()
                .add("call", call.id())
                .add("media", CallView.lower(call.media()))
                .add("group", call.isGroupCall())
                .add("state", CallView.lower(call.state()))
                .add("by", call.startedBy())
                .add("joined", joined);
        if (call.endReason() != null) {
            body.add("reason", CallView.lower(call.endReason()));
            body.add("duration", call.duration().toSeconds());
        }
        return body.build().toString();
    }
}

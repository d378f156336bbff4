package chat.plume.calls;

import chat.plume.identity.boundary.Caller;
import chat.plume.messaging.CallLog;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.metrics.Metrics;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The call state machine, driven by people (docs/calls.md): place a call, answer it, refuse it,
 * hang up, end a group call, and the checks behind every signalling frame. Each change runs in one
 * transaction behind the conversation's lock, so two changes of one conversation's calls happen
 * one after the other: two people calling each other at the same moment make one call (the later
 * invite answers the earlier), and two devices answering at once make one answer.
 *
 * <p>Every change is idempotent: a request that finds its change already made is answered with
 * the call as it is, and changes nothing.
 */
@Stateless
public class Calls {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallLog log;

    @Inject
    CallBook book;

    @Inject
    CallSettings settings;

    @Inject
    IceServers ice;

    @Inject
    Metrics metrics;

    /** The call as the requesting device sees it, with the ICE servers when that device is in it. */
    public record Answer(CallView call, IceServers.Configuration ice) {}

    /** Where a participant's signalling goes: the one device the named peer takes part from. */
    public record Route(long account, String device) {}

    /**
     * {@code call.invite}: calls the other person of a direct conversation (every device of theirs
     * rings) or starts a group call. If the conversation already has a call the caller is not in,
     * the invite joins it: a group call already running, or the other person calling at the same
     * moment (glare: one call, never two).
     */
    public Answer invite(Caller caller, String device, long conversationId, CallMedia media) {
        long me = caller.accountId();
        CallLog.Line line = log.lock(conversationId, me);
        refuseIfPresent(log.callingRefusal(line, me));
        Call live = book.liveIn(conversationId);
        if (live != null) {
            List<CallParticipant> participants = book.participants(live.id());
            CallParticipant mine = CallBook.find(participants, me);
            if (mine != null && mine.isJoined()) {
                throw new ConflictException("call_in_progress", "You are already in this conversation's call.");
            }
            return join(live, participants, line, me, device);
        }
        if (line.isGroup() && log.isSilenced(line, me)) {
            // A muted member may join a call, not ring the whole group.
            throw new AccessDeniedException(
                    "muted", "You are muted in this group for now: you can join a call, not start one.");
        }
        if (isJoinedSomewhere(me)) {
            throw new ConflictException("already_in_call", "Hang up your other call first.");
        }
        LocalDateTime now = Timestamps.now();
        Call call = new Call(conversationId, line.isGroup(), media, me, now);
        em.persist(call);
        List<CallParticipant> participants = new ArrayList<>();
        participants.add(CallParticipant.joined(call.id(), me, device, log.isSilenced(line, me), now));
        boolean busy = false;
        if (!line.isGroup()) {
            busy = !book.liveCallsOf(line.peer(), ParticipantState.INVITED, ParticipantState.JOINED)
                    .isEmpty();
            participants.add(CallParticipant.invited(call.id(), line.peer()));
        }
        participants.forEach(em::persist);
        flushEngaged();
        call.loggedAt(log.open(conversationId, me, book.entry(call, participants)));
        metrics.callStarted(CallView.lower(media), line.isGroup() ? "group" : "direct");
        if (busy) {
            book.end(call, participants, EndReason.BUSY, now);
            return new Answer(book.changed(call, participants, true), null);
        }
        return new Answer(book.changed(call, participants, false), ice.forAccount(me));
    }

    /** {@code call.accept}: answers a call that rings here, or joins a group call, from this device. */
    public Answer accept(Caller caller, String device, long callId) {
        long me = caller.accountId();
        Call call = visibleCall(callId, me);
        CallLog.Line line = log.lock(call.conversationId(), me);
        em.refresh(call);
        if (!call.isLive()) {
            throw new ConflictException("call_ended", "This call has ended.");
        }
        refuseIfPresent(log.callingRefusal(line, me));
        return join(call, book.participants(callId), line, me, device);
    }

    private Answer join(Call call, List<CallParticipant> participants, CallLog.Line line, long me, String device) {
        CallParticipant mine = CallBook.find(participants, me);
        if (mine != null && mine.isJoined()) {
            if (mine.isOn(device)) {
                return new Answer(book.view(call, participants), ice.forAccount(me));
            }
            throw new ConflictException("answered_elsewhere", "This call was answered on another of your devices.");
        }
        if (!line.isGroup() && (mine == null || mine.state() != ParticipantState.INVITED)) {
            throw new AccessDeniedException("not_invited", "This call is not ringing for you.");
        }
        if (line.isGroup() && CallBook.joinedCount(participants) >= settings.groupLimit()) {
            throw new ConflictException(
                    "call_full", "This call is full: at most " + settings.groupLimit() + " people can be in it.");
        }
        if (isJoinedSomewhere(me)) {
            throw new ConflictException("already_in_call", "Hang up your other call first.");
        }
        LocalDateTime now = Timestamps.now();
        boolean muted = log.isSilenced(line, me);
        if (mine == null) {
            mine = CallParticipant.joined(call.id(), me, device, muted, now);
            em.persist(mine);
            participants.add(mine);
        } else {
            mine.join(device, muted, now);
        }
        flushEngaged();
        if (CallBook.joinedCount(participants) >= 2) {
            call.answer(now);
        }
        return new Answer(book.changed(call, participants, true), ice.forAccount(me));
    }

    /** {@code call.decline}: the callee refuses a call that rings; a group call is only not joined. */
    public Answer decline(Caller caller, long callId) {
        long me = caller.accountId();
        Call call = lockedVisibleCall(callId, me);
        List<CallParticipant> participants = book.participants(callId);
        if (!call.isLive() || call.isGroupCall()) {
            return new Answer(book.view(call, participants), null);
        }
        CallParticipant mine = CallBook.find(participants, me);
        if (mine.state() == ParticipantState.INVITED) {
            LocalDateTime now = Timestamps.now();
            mine.leave(ParticipantState.DECLINED, now);
            book.end(call, participants, EndReason.DECLINED, now);
            return new Answer(book.changed(call, participants, true), null);
        }
        if (mine.isJoined() && call.startedBy() != me) {
            throw new ConflictException("answered_elsewhere", "This call was answered on another of your devices.");
        }
        throw new AccessDeniedException("not_invited", "This call is not ringing for you.");
    }

    /**
     * {@code call.hangup}: leaves the call. A one-to-one call ends (cancelled while it rang,
     * declined by a callee who had not answered, completed once answered); a group call ends when
     * its last participant leaves.
     */
    public Answer hangup(Caller caller, long callId) {
        long me = caller.accountId();
        // Someone in the call may always leave it, even after they left its conversation.
        Call call = em.find(CallParticipant.class, new CallParticipant.Key(callId, me)) != null
                ? book.lockedCall(callId)
                : lockedVisibleCall(callId, me);
        List<CallParticipant> participants = book.participants(callId);
        CallParticipant mine = CallBook.find(participants, me);
        if (!call.isLive() || mine == null || !(mine.isJoined() || mine.state() == ParticipantState.INVITED)) {
            return new Answer(book.view(call, participants), null);
        }
        LocalDateTime now = Timestamps.now();
        if (!call.isGroupCall()) {
            if (mine.state() == ParticipantState.INVITED) {
                mine.leave(ParticipantState.DECLINED, now);
                book.end(call, participants, EndReason.DECLINED, now);
            } else {
                mine.leave(ParticipantState.LEFT, now);
                book.end(
                        call,
                        participants,
                        call.state() == CallState.RINGING ? EndReason.CANCELLED : EndReason.COMPLETED,
                        now);
            }
        } else {
            mine.leave(ParticipantState.LEFT, now);
            if (CallBook.joinedCount(participants) == 0) {
                book.end(
                        call, participants, call.answeredAt() == null ? EndReason.CANCELLED : EndReason.COMPLETED, now);
            }
        }
        return new Answer(book.changed(call, participants, true), null);
    }

    /** {@code call.end}: the group's owner or an admin ends its call for everyone. */
    public Answer end(Caller caller, long callId) {
        long me = caller.accountId();
        Call call = visibleCall(callId, me);
        CallLog.Line line = log.lock(call.conversationId(), me);
        em.refresh(call);
        List<CallParticipant> participants = book.participants(callId);
        if (!log.isManager(line, me)) {
            throw new AccessDeniedException("forbidden", "Only the group's owner or an admin can end its call.");
        }
        if (!call.isLive()) {
            return new Answer(book.view(call, participants), null);
        }
        book.end(
                call,
                participants,
                call.answeredAt() == null ? EndReason.CANCELLED : EndReason.COMPLETED,
                Timestamps.now());
        return new Answer(book.changed(call, participants, true), null);
    }

    /**
     * {@code call.connected}: this device's media reached a peer. The call can no longer fail by the
     * connect timeout.
     */
    public void connected(Caller caller, String device, long callId) {
        Call call = lockedVisibleCall(callId, caller.accountId());
        List<CallParticipant> participants = book.participants(callId);
        requireOnThisDevice(call, participants, caller.accountId(), device);
        if (call.connected(Timestamps.now())) {
            book.rescheduled(call, participants);
        }
    }

    /**
     * {@code call.rejoin}: takes a call one is in over to this device (a new connection after a
     * network change, or another device). Returns the answer and the device that was in it.
     */
    public Rejoined rejoin(Caller caller, String device, long callId) {
        long me = caller.accountId();
        Call call = lockedVisibleCall(callId, me);
        if (!call.isLive()) {
            throw new ConflictException("call_ended", "This call has ended.");
        }
        List<CallParticipant> participants = book.participants(callId);
        CallParticipant mine = CallBook.find(participants, me);
        if (mine == null || !mine.isJoined()) {
            throw new ConflictException("not_in_call", "You are not in this call.");
        }
        String previous = mine.device();
        if (!mine.isOn(device)) {
            mine.rejoin(device, Timestamps.now());
        }
        CallView view =
                previous.equals(device) ? book.view(call, participants) : book.changed(call, participants, false);
        return new Rejoined(new Answer(view, ice.forAccount(me)), previous.equals(device) ? null : previous);
    }

    /** The answer to a rejoin, and the device that had the call until now (null if it was this one). */
    public record Rejoined(Answer answer, String previousDevice) {}

    /**
     * The checks behind {@code call.signal}, {@code call.candidates} and {@code call.media}: the
     * sender takes part in the live call from this very device. Returns the call's joined
     * participants other than the sender, by account, with their devices.
     */
    public Peers peersOf(Caller caller, String device, long callId) {
        long me = caller.accountId();
        // On every signalling frame: two reads. Whether the sender is in the conversation is asked
        // only of someone not in the call (to them a call they cannot see does not exist).
        Call call = em.find(Call.class, callId);
        if (call == null) {
            throw notFound();
        }
        List<CallParticipant> participants = book.participants(callId);
        if (CallBook.find(participants, me) == null
                && log.lineOf(call.conversationId(), me).isEmpty()) {
            throw notFound();
        }
        if (!call.isLive()) {
            throw new ConflictException("call_ended", "This call has ended.");
        }
        requireOnThisDevice(call, participants, me, device);
        return new Peers(
                participants.stream()
                        .filter(p -> p.isJoined() && p.accountId() != me)
                        .map(p -> new Route(p.accountId(), p.device()))
                        .toList(),
                Timestamps.toInstant(CallBook.find(participants, me).joinedAt()));
    }

    /**
     * The others in the call, and since when the sender is in it from this device (its join time,
     * as the call shows it): a page that has another join time for the sender knows the frame comes
     * from a new device before the call's own update says so.
     */
    public record Peers(List<Route> routes, java.time.Instant since) {}

    /** {@code call.get}: the conversation's live call, if any. */
    public Optional<CallView> current(Caller caller, long conversationId) {
        if (log.lineOf(conversationId, caller.accountId()).isEmpty()) {
            throw new AccessDeniedException("forbidden", "You are not in this conversation.");
        }
        Call call = book.liveIn(conversationId);
        return call == null ? Optional.empty() : Optional.of(book.view(call, book.participants(call.id())));
    }

    /** The live calls that ring for someone or that they are in (told to each device as it connects). */
    public List<CallView> engaged(long accountId) {
        List<CallView> views = new ArrayList<>();
        for (long id : book.liveCallsOf(accountId, ParticipantState.INVITED, ParticipantState.JOINED)) {
            Call call = em.find(Call.class, id);
            views.add(book.view(call, book.participants(id)));
        }
        return views;
    }

    private void requireOnThisDevice(Call call, List<CallParticipant> participants, long me, String device) {
        CallParticipant mine = CallBook.find(participants, me);
        if (mine == null || !mine.isJoined()) {
            throw new ConflictException("not_in_call", "You are not in this call.");
        }
        if (!mine.isOn(device)) {
            throw new AccessDeniedException("not_call_device", "You are in this call on another device.");
        }
        if (!call.isLive()) {
            throw new ConflictException("call_ended", "This call has ended.");
        }
    }

    /**
     * Writes the joins made so far. The database keeps one call at a time per person (a unique
     * key): the checks above read under one conversation's lock only, so two joins in two
     * conversations at once could both pass them; the second is refused here.
     */
    private void flushEngaged() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConflictException("already_in_call", "Hang up your other call first.");
        }
    }

    private boolean isJoinedSomewhere(long me) {
        return !book.liveCallsOf(me, ParticipantState.JOINED).isEmpty();
    }

    /** The call, if the caller is in its conversation: to anyone else it does not exist. */
    private Call visibleCall(long callId, long me) {
        Call call = em.find(Call.class, callId);
        if (call == null || log.lineOf(call.conversationId(), me).isEmpty()) {
            throw notFound();
        }
        return call;
    }

    private Call lockedVisibleCall(long callId, long me) {
        visibleCall(callId, me);
        return book.lockedCall(callId);
    }

    private static MissingEntityException notFound() {
        return new MissingEntityException("call_not_found", "No such call.");
    }

    private static void refuseIfPresent(Optional<PlumeException> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}

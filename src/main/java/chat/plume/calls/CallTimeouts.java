package chat.plume.calls;

import chat.plume.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The call state machine, driven by time and by connections: a call that rang too long is
 * {@code missed}, one whose media never connected {@code failed}, and a participant whose device's
 * connection closed is {@code dropped} unless they come back (on a new connection) within the
 * grace. Each call is looked at in its own transaction, behind its conversation's lock, and every
 * change is made from the database's state, so any node may look, and looking twice changes
 * nothing twice.
 */
@Stateless
public class CallTimeouts {

    /** Calls looked at per sweep; more wait for the next one, a second later. */
    static final int SWEEP_LIMIT = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallBook book;

    @Inject
    CallSettings settings;

    /** The calls due to be looked at now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due() {
        return em.createNamedQuery(Call.DUE, Long.class)
                .setParameter("now", Timestamps.now())
                .setMaxResults(SWEEP_LIMIT)
                .getResultList();
    }

    /** Makes whatever time has made due: drops, a missed or failed call; or only sets the next look. */
    public void lookAt(long callId) {
        Call call = book.lockedCall(callId);
        if (call == null || !call.isLive()) {
            return;
        }
        LocalDateTime now = Timestamps.now();
        List<CallParticipant> participants = book.participants(callId);
        boolean changed = false;
        boolean dropped = false;
        for (CallParticipant p : participants) {
            if (p.isJoined()
                    && p.lostAt() != null
                    && !p.lostAt().plus(settings.rejoinGrace()).isAfter(now)) {
                p.leave(ParticipantState.DROPPED, now);
                changed = true;
                dropped = true;
            }
        }
        if (dropped && (!call.isGroupCall() || CallBook.joinedCount(participants) == 0)) {
            // Nobody had answered: to the others it is a call that stopped ringing, not a lost one.
            book.end(call, participants, call.answeredAt() == null ? EndReason.CANCELLED : EndReason.DROPPED, now);
        } else if (call.state() == CallState.RINGING
                && !call.createdAt().plus(settings.ringTimeout()).isAfter(now)) {
            book.end(call, participants, EndReason.MISSED, now);
            changed = true;
        } else if (call.state() == CallState.ACTIVE
                && call.connectedAt() == null
                && !call.answeredAt().plus(settings.connectTimeout()).isAfter(now)) {
            book.end(call, participants, EndReason.FAILED, now);
            changed = true;
        }
        if (changed) {
            book.changed(call, participants, true);
        } else {
            book.rescheduled(call, participants);
        }
    }

    /** A person's device in a call. */
    public record Device(long account, String device) {}

    /**
     * Everyone in a live call whose device has no open connection here: each is then given to
     * {@link #deviceLost} (its grace starts). The close of a connection says so at once; this
     * catches what no close announced: a restart (every connection gone), a close that came before
     * the join it ends had committed. One query for everyone in a call.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Device> vanished(BiPredicate<Long, String> connected) {
        return em.createNamedQuery(CallParticipant.JOINED_LIVE, CallParticipant.class)
                .setParameter("joined", ParticipantState.JOINED)
                .getResultStream()
                .filter(p -> !connected.test(p.accountId(), p.device()))
                .map(p -> new Device(p.accountId(), p.device()))
                .toList();
    }

    /**
     * A device's connection closed: every call it took part in starts the grace within which the
     * person may rejoin from another connection.
     */
    public void deviceLost(long accountId, String device) {
        List<Long> calls = em.createNamedQuery(CallParticipant.ON_DEVICE, Long.class)
                .setParameter("device", device)
                .setParameter("account", accountId)
                .setParameter("joined", ParticipantState.JOINED)
                .getResultList();
        for (long callId : calls) {
            Call call = book.lockedCall(callId);
            if (call == null || !call.isLive()) {
                continue;
            }
            List<CallParticipant> participants = book.participants(callId);
            CallParticipant p = CallBook.find(participants, accountId);
            if (p != null && p.isOn(device)) {
                p.lost(Timestamps.now());
                book.rescheduled(call, participants);
            }
        }
    }
}

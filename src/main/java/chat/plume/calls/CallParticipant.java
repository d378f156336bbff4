package chat.plume.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One person in one call: rung, joined on one device, or gone (left, declined, dropped). A
 * person takes part from exactly one device at a time, so within a call a person's id names
 * their device: signalling addressed to them goes to that device only.
 */
@Entity
@Table(name = "call_participant")
@IdClass(CallParticipant.Key.class)
@NamedQuery(
        name = CallParticipant.OF_CALL,
        query = "select p from CallParticipant p where p.callId = :call order by p.joinedAt asc, p.accountId asc")
@NamedQuery(
        name = CallParticipant.OF_CALLS,
        query = "select p from CallParticipant p where p.callId in :calls order by p.joinedAt asc, p.accountId asc")
@NamedQuery(
        name = CallParticipant.ON_DEVICE,
        query = "select p.callId from CallParticipant p where p.device = :device and p.accountId = :account"
                + " and p.state = :joined")
@NamedQuery(
        name = CallParticipant.JOINED_LIVE,
        query = "select p from CallParticipant p, Call c where p.state = :joined and p.lostAt is null"
                + " and c.id = p.callId and c.liveConversationId is not null")
@NamedQuery(
        name = CallParticipant.ENGAGED,
        query = "select p.callId from CallParticipant p, Call c where p.accountId = :account"
                + " and p.state in :engaged and c.id = p.callId and c.liveConversationId is not null")
public class CallParticipant {

    static final String OF_CALL = "CallParticipant.ofCall";
    static final String OF_CALLS = "CallParticipant.ofCalls";
    /** The calls a device is joined to (a closed connection loses them). */
    static final String ON_DEVICE = "CallParticipant.onDevice";
    /** Everyone in a live call whose device is not known to be lost. */
    static final String JOINED_LIVE = "CallParticipant.joinedLive";
    /** The live calls a person is rung by or joined to (busy). */
    static final String ENGAGED = "CallParticipant.engaged";

    @Id
    @Column(name = "call_id")
    private Long callId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ParticipantState state;

    @Column(length = 128)
    private String device;

    @Column(nullable = false)
    private boolean muted;

    @Column(name = "joined_at")
    private LocalDateTime joinedAt;

    @Column(name = "left_at")
    private LocalDateTime leftAt;

    @Column(name = "lost_at")
    private LocalDateTime lostAt;

    @Column(name = "engaged_account_id")
    private Long engagedAccountId;

    protected CallParticipant() {}

    private CallParticipant(long callId, long accountId, ParticipantState state) {
        this.callId = callId;
        this.accountId = accountId;
        this.state = state;
    }

    /** Someone rung (the callee of a one-to-one call). */
    static CallParticipant invited(long callId, long accountId) {
        return new CallParticipant(callId, accountId, ParticipantState.INVITED);
    }

    /** Someone in the call from {@code device} (the caller, or a group member joining). */
    static CallParticipant joined(long callId, long accountId, String device, boolean muted, LocalDateTime now) {
        CallParticipant p = new CallParticipant(callId, accountId, ParticipantState.INVITED);
        p.join(device, muted, now);
        return p;
    }

    /** Joins (or joins again, after leaving a group call) from {@code device}. */
    void join(String device, boolean muted, LocalDateTime now) {
        this.state = ParticipantState.JOINED;
        this.engagedAccountId = accountId;
        this.device = device;
        this.muted = muted;
        this.joinedAt = now;
        this.leftAt = null;
        this.lostAt = null;
    }

    /** Leaves, declines or is dropped: {@code state} is where they end up. */
    void leave(ParticipantState state, LocalDateTime now) {
        this.state = state;
        this.engagedAccountId = null;
        this.leftAt = now;
        this.lostAt = null;
    }

    /** Their device's connection closed: dropped unless they rejoin in time. */
    void lost(LocalDateTime now) {
        if (state == ParticipantState.JOINED && lostAt == null) {
            lostAt = now;
        }
    }

    /**
     * Came back on {@code device} (a new connection of theirs, after a network change). The join
     * time moves too: the others see it change and expect new offers from the new device.
     */
    void rejoin(String device, LocalDateTime now) {
        this.device = device;
        this.joinedAt = now;
        this.lostAt = null;
    }

    boolean isJoined() {
        return state == ParticipantState.JOINED;
    }

    boolean isOn(String device) {
        return isJoined() && Objects.equals(this.device, device);
    }

    long callId() {
        return callId;
    }

    long accountId() {
        return accountId;
    }

    ParticipantState state() {
        return state;
    }

    String device() {
        return device;
    }

    boolean muted() {
        return muted;
    }

    LocalDateTime joinedAt() {
        return joinedAt;
    }

    LocalDateTime lostAt() {
        return lostAt;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private Long callId;
        private Long accountId;

        public Key() {}

        public Key(long callId, long accountId) {
            this.callId = callId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(callId, k.callId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callId, accountId);
        }
    }
}

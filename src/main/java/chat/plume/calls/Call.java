package chat.plume.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One call in one conversation, and where it stands: {@code ringing → active → ended}, with the
 * reason it ended. Persisted, so that a restart (or another node) knows every call there is; the
 * transitions are its methods, and each refuses to run from a state it does not start from, so
 * a repeated or late request changes nothing twice.
 */
@Entity
@Table(name = "call_session")
@NamedQuery(name = Call.LIVE_IN, query = "select c from Call c where c.liveConversationId = :conversation")
@NamedQuery(name = Call.DUE, query = "select c.id from Call c where c.deadline <= :now order by c.deadline asc")
@NamedQuery(name = Call.LIVE_COUNT, query = "select count(c) from Call c where c.liveConversationId is not null")
public class Call {

    static final String LIVE_IN = "Call.liveIn";
    static final String DUE = "Call.due";
    static final String LIVE_COUNT = "Call.liveCount";

    @Id
    @SequenceGenerator(name = "call_seq", sequenceName = "call_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_seq")
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "live_conversation_id")
    private Long liveConversationId;

    @Column(name = "group_call", nullable = false, updatable = false)
    private boolean groupCall;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private CallMedia media;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private CallState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 16)
    private EndReason endReason;

    @Column(name = "started_by", nullable = false, updatable = false)
    private long startedBy;

    @Column(name = "message_seq", nullable = false)
    private long messageSeq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "answered_at")
    private LocalDateTime answeredAt;

    @Column(name = "connected_at")
    private LocalDateTime connectedAt;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    @Column(name = "deadline")
    private LocalDateTime deadline;

    @Version
    private long version;

    protected Call() {}

    /** A new call, ringing (when it must next be looked at is {@code CallBook}'s to say). */
    Call(long conversationId, boolean groupCall, CallMedia media, long startedBy, LocalDateTime now) {
        this.conversationId = conversationId;
        this.liveConversationId = conversationId;
        this.groupCall = groupCall;
        this.media = media;
        this.state = CallState.RINGING;
        this.startedBy = startedBy;
        this.createdAt = now;
    }

    /** Where the call's entry stands in its conversation (known once the entry is written). */
    void loggedAt(long seq) {
        this.messageSeq = seq;
    }

    /** Someone answered: active (the media must now connect within the connect timeout). */
    void answer(LocalDateTime now) {
        if (state != CallState.RINGING) {
            return;
        }
        state = CallState.ACTIVE;
        answeredAt = now;
    }

    /** A participant's media connected: the call no longer fails by the connect timeout. */
    boolean connected(LocalDateTime now) {
        if (state != CallState.ACTIVE || connectedAt != null) {
            return false;
        }
        connectedAt = now;
        return true;
    }

    /** Ends it, once: a later end keeps the first reason. */
    boolean end(EndReason reason, LocalDateTime now) {
        if (state == CallState.ENDED) {
            return false;
        }
        state = CallState.ENDED;
        endReason = reason;
        endedAt = now;
        liveConversationId = null;
        deadline = null;
        return true;
    }

    /** When the call must next be looked at (null: never by itself). */
    void lookAgainAt(LocalDateTime when) {
        this.deadline = when;
    }

    /** How long the call was answered for (zero when it never was). */
    Duration duration() {
        if (answeredAt == null) {
            return Duration.ZERO;
        }
        LocalDateTime end = endedAt == null ? answeredAt : endedAt;
        return Duration.between(answeredAt, end);
    }

    boolean isLive() {
        return state != CallState.ENDED;
    }

    Long id() {
        return id;
    }

    long conversationId() {
        return conversationId;
    }

    boolean isGroupCall() {
        return groupCall;
    }

    CallMedia media() {
        return media;
    }

    CallState state() {
        return state;
    }

    EndReason endReason() {
        return endReason;
    }

    long startedBy() {
        return startedBy;
    }

    long messageSeq() {
        return messageSeq;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime answeredAt() {
        return answeredAt;
    }

    LocalDateTime connectedAt() {
        return connectedAt;
    }

    LocalDateTime endedAt() {
        return endedAt;
    }

    LocalDateTime deadline() {
        return deadline;
    }
}

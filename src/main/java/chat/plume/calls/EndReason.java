package chat.plume.calls;

/** Why a call ended (docs/calls.md). */
public enum EndReason {
    /** Answered, and then hung up. */
    COMPLETED,
    /** The callee refused it. */
    DECLINED,
    /** Nobody answered within the ring timeout. */
    MISSED,
    /** The callee was already in a call. */
    BUSY,
    /** The caller hung up while it rang. */
    CANCELLED,
    /** Answered, but the media never connected within the connect timeout. */
    FAILED,
    /** A participant's connection vanished and did not come back within the grace. */
    DROPPED
}

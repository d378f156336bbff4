package chat.plume.calls;

/** One person's part in a call. */
public enum ParticipantState {
    /** Rung, not answered yet (one-to-one calls: the callee). */
    INVITED,
    /** In the call, on the device recorded with it. */
    JOINED,
    /** Hung up or left a group call. */
    LEFT,
    /** Refused it. */
    DECLINED,
    /** Their device's connection vanished and did not come back within the grace. */
    DROPPED
}

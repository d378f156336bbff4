package chat.plume.calls;

/** Where a call is: ringing (nobody has answered yet), active (two or more joined), ended. */
public enum CallState {
    RINGING,
    ACTIVE,
    ENDED
}

package chat.plume.messaging;

/** Between two friends, or the conversation of a chat group. */
public enum ConversationKind {
    DIRECT,
    GROUP
}

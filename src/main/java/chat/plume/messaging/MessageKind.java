package chat.plume.messaging;

/** Text written by a person, or a system notice (member joined, group renamed …) written by Plume. */
public enum MessageKind {
    TEXT, SYSTEM
}

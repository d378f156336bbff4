package chat.plume.messaging;

/**
 * Text written by a person, an image or a file they sent (the upload is referenced, not copied),
 * or a system notice (member joined, group renamed …) written by Plume.
 */
public enum MessageKind {
    TEXT,
    SYSTEM,
    IMAGE,
    FILE
}

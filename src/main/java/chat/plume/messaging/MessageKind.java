package chat.plume.messaging;

/**
 * Text written by a person, an image or a file they sent (the upload is referenced, not copied),
 * a system notice (member joined, group renamed …) written by Plume, or a call's entry in the
 * conversation (its body, JSON, is kept up to date by {@code calls} until the call ends), or a
 * poll (its body, JSON, holds the question and the options; the votes are {@link PollVote}s).
 */
public enum MessageKind {
    TEXT,
    SYSTEM,
    IMAGE,
    FILE,
    CALL,
    POLL
}

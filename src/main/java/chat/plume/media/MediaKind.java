package chat.plume.media;

/** What an upload is for: a picture in a chat, any other file, or an avatar. */
public enum MediaKind {
    IMAGE,
    FILE,
    AVATAR
}

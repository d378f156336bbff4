package chat.plume.media;

/**
 * What media needs to know about conversations, defined here and implemented by the feature that
 * owns them ({@code messaging}), so that media depends on no feature above it.
 */
public interface ConversationAccess {

    /** Refuses (403 {@code forbidden}) unless the person is in the conversation. */
    void requireParticipant(long conversationId, long accountId);

    /**
     * Whether the person may fetch an upload of the conversation: they are in it, and a message
     * that carries the upload has not been recalled (recalling takes the media with it).
     */
    boolean maySee(long conversationId, long accountId, long mediaId);
}

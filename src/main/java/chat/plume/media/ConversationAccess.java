package chat.plume.media;

/**
 * What media needs to know about conversations, defined here and implemented by the feature that
 * owns them ({@code messaging}), so that media depends on no feature above it.
 */
public interface ConversationAccess {

    /** Refuses (403 {@code forbidden}) unless the person is in the conversation. */
    void requireParticipant(long conversationId, long accountId);

    /**
     * Whether the person may fetch an upload: a message that carries it, not recalled (recalling
     * takes the media with it), is in a conversation they are in — the one it was sent to, or one
     * it was forwarded to.
     */
    boolean maySee(long accountId, long mediaId);
}

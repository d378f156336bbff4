package chat.plume.messaging;

import chat.plume.media.ConversationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers media's questions about conversations (see {@link ConversationAccess}). */
@ApplicationScoped
public class ConversationMediaAccess implements ConversationAccess {

    @Inject
    Conversations conversations;

    @Inject
    Messages messages;

    @Override
    public void requireParticipant(long conversationId, long accountId) {
        conversations.require(conversationId, accountId);
    }

    @Override
    public boolean maySee(long accountId, long mediaId) {
        return messages.isVisibleTo(mediaId, accountId);
    }
}

package chat.plume.media;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.error.MissingEntityException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Who may fetch an upload: its uploader; the people in its conversation while a message that
 * carries it has not been recalled; anyone signed in for avatars. Everyone else gets the same
 * 404 as for an id that does not exist, so nobody learns that a file is there.
 */
@Stateless
public class Downloads {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConversationAccess conversations;

    public Media authorize(Caller caller, long mediaId) {
        Media media = em.find(Media.class, mediaId);
        boolean allowed = media != null
                && !media.isWithdrawn()
                && (media.kind() == MediaKind.AVATAR
                        || media.uploaderId() == caller.accountId()
                        || (media.conversationId() != null && conversations.maySee(caller.accountId(), mediaId)));
        if (!allowed) {
            throw new MissingEntityException("media_not_found", "No such file.");
        }
        return media;
    }

    /** An avatar by its id (avatars are public to signed-in users). */
    public Media avatar(long mediaId) {
        Media media = em.find(Media.class, mediaId);
        if (media == null || media.kind() != MediaKind.AVATAR || media.isWithdrawn()) {
            throw new MissingEntityException("media_not_found", "No such avatar.");
        }
        return media;
    }
}

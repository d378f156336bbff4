package chat.plume.social.groups;

import chat.plume.media.MediaReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Set;

/** A group's avatar is in use (a dissolved group's too: its page can still be shown). */
@ApplicationScoped
public class GroupAvatarReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Long> inUse(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                em.createQuery("select g.avatarMediaId from ChatGroup g where g.avatarMediaId in :ids", Long.class)
                        .setParameter("ids", mediaIds)
                        .getResultList());
    }
}

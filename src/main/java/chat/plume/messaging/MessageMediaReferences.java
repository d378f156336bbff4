package chat.plume.messaging;

import chat.plume.media.MediaReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Set;

/** Uploads a message carries are in use — recalled messages' too, kept for the record. */
@ApplicationScoped
public class MessageMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Long> inUse(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select distinct m.mediaId from Message m where m.mediaId in :ids", Long.class)
                .setParameter("ids", mediaIds)
                .getResultList());
    }
}

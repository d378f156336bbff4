package chat.plume.reports;

import chat.plume.media.MediaReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Set;

/**
 * An upload in the evidence of an open report is in use: the clean-up keeps it until the report
 * is resolved, even if its message was recalled or removed by retention meanwhile.
 */
@ApplicationScoped
public class ReportMediaReferences implements MediaReferences {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Long> inUse(Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createNamedQuery(ReportEvidence.MEDIA_OF_OPEN, Long.class)
                .setParameter("ids", mediaIds)
                .setParameter("status", Report.Status.OPEN)
                .getResultList());
    }
}

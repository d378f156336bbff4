package chat.plume.media;

import chat.plume.platform.error.MissingEntityException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;

/**
 * An upload as evidence of a report, for administrators only (the caller, {@code
 * admin.reports}, has checked that the upload belongs to the report's evidence): served whatever
 * became of the message that carried it — recalled, or its sender's uploads withdrawn — because a
 * report must keep showing what was reported. Images inline, everything else as a download.
 */
@Stateless
public class EvidenceMedia {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStore store;

    public Response serve(long mediaId, String range, String ifNoneMatch) {
        Media media = em.find(Media.class, mediaId);
        if (media == null) {
            throw new MissingEntityException("media_not_found", "The upload is no longer stored.");
        }
        return MediaResponses.upload(store, media, range, ifNoneMatch);
    }
}

package chat.plume.media;

import chat.plume.identity.boundary.Accounts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The clean-up job's part in media: uploads older than a grace period that nothing refers to —
 * never attached to a message, an avatar since replaced, the upload of a message removed by
 * retention — are deleted, then the stored bytes no row needs any more. Chunked by id, each chunk
 * in a transaction of its own; uploads in use are passed over.
 */
@Stateless
public class MediaCleanup {

    public static final int CHUNK = 200;

    private static final Logger LOG = Logger.getLogger(MediaCleanup.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    @Any
    Instance<MediaReferences> references;

    @Inject
    MediaStore store;

    /** One chunk's outcome: how many uploads it looked at, the last id, what it deleted. */
    public record Chunk(int examined, long lastId, int removed, Set<String> hashes) {}

    /** Looks at up to {@value #CHUNK} uploads after {@code afterId} made before {@code cutoff}; deletes the unused. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Chunk collectChunk(LocalDateTime cutoff, long afterId) {
        List<Media> candidates = em.createQuery(
                        "select m from Media m where m.id > :after and m.createdAt < :cutoff order by m.id",
                        Media.class)
                .setParameter("after", afterId)
                .setParameter("cutoff", cutoff)
                .setMaxResults(CHUNK)
                .getResultList();
        if (candidates.isEmpty()) {
            return new Chunk(0, afterId, 0, Set.of());
        }
        List<Long> ids = candidates.stream().map(Media::id).toList();
        Set<Long> used = new HashSet<>(accounts.avatarsAmong(ids));
        for (MediaReferences feature : references) {
            used.addAll(feature.inUse(ids));
        }
        List<Long> unused = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (Media m : candidates) {
            if (!used.contains(m.id())) {
                unused.add(m.id());
                hashes.add(m.contentHash());
                if (m.thumbnailHash() != null) {
                    hashes.add(m.thumbnailHash());
                }
            }
        }
        if (!unused.isEmpty()) {
            em.createQuery("delete from Media m where m.id in :ids")
                    .setParameter("ids", unused)
                    .executeUpdate();
        }
        return new Chunk(candidates.size(), ids.get(ids.size() - 1), unused.size(), hashes);
    }

    /**
     * Deletes the stored bytes of these hashes that no upload refers to any more, unless kept
     * again since {@code keptSince} (an identical upload arriving now); returns how many files.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int removeUnusedFiles(Collection<String> hashes, Instant keptSince) {
        int removed = 0;
        for (String hash : hashes) {
            long users = em.createQuery(
                            "select count(m) from Media m where m.contentHash = :hash or m.thumbnailHash = :hash",
                            Long.class)
                    .setParameter("hash", hash)
                    .getSingleResult();
            try {
                if (users == 0 && store.deleteUnlessKeptSince(hash, keptSince)) {
                    removed++;
                }
            } catch (IOException | RuntimeException e) {
                // One file that cannot be deleted must not keep the others: said, and left.
                LOG.log(Level.WARNING, "Could not delete stored media " + hash, e);
            }
        }
        return removed;
    }
}

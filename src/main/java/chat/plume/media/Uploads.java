package chat.plume.media;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PayloadTooLargeException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.metrics.Metrics;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Receives uploads: into a conversation (images and files) or as an avatar. The bytes are
 * streamed to a temporary file outside any transaction (an upload of 50 MB must not hold a
 * database connection), counted against the limit of their kind as they come, and hashed; the
 * record is written afterwards in a short transaction.
 */
@Stateless
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Metrics metrics;

    @Inject
    MediaStore store;

    @Inject
    MediaSettings settings;

    @Inject
    ConversationAccess conversations;

    @Inject
    Accounts accounts;

    @Inject
    GroupAvatars groups;

    @Resource
    SessionContext context;

    /** A file or image for a conversation the caller is in; send it afterwards with a {@code send} frame naming it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaView upload(Caller caller, long conversationId, InputStream body, long declaredLength, String name) {
        conversations.requireParticipant(conversationId, caller.accountId());
        Received received = receive(caller, body, declaredLength, false);
        try {
            Media media;
            if (received.imageType != null) {
                try {
                    ImageProcessor.Processed image =
                            ImageProcessor.process(received.file, received.imageType, settings.maxPixels());
                    String hash = received.hash;
                    long size = received.size;
                    hash = sha256(image.full());
                    size = image.full().length;
                    store.keep(image.full(), hash);
                    String thumb = sha256(image.thumbnail());
                    store.keep(image.thumbnail(), thumb);
                    media = new Media(
                            MediaKind.IMAGE,
                            hash,
                            image.contentType(),
                            size,
                            FileNames.clean(name),
                            image.width(),
                            image.height(),
                            thumb,
                            caller.accountId(),
                            conversationId,
                            Timestamps.now());
                } catch (ImageProcessor.Rejected rejected) {
                    if (rejected.tooLarge()) {
                        throw new InvalidInputException(
                                "image_too_large",
                                "body",
                                "The image has more than " + settings.maxPixels() / 1_000_000 + " megapixels.");
                    }
                    media = asFile(caller, conversationId, received, name);
                }
            } else {
                media = asFile(caller, conversationId, received, name);
            }
            return MediaView.of(context.getBusinessObject(Uploads.class).record(media));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(received.file);
        }
    }

    /** A new avatar for the caller (any image; cropped to a square and scaled server-side). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaView uploadAvatar(Caller caller, InputStream body, long declaredLength) {
        Media media = avatar(caller, body, declaredLength);
        accounts.setAvatar(caller.accountId(), media.id());
        return MediaView.of(media);
    }

    /** A new avatar for a group (owner and admins). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaView uploadGroupAvatar(Caller caller, long groupId, InputStream body, long declaredLength) {
        groups.requireMayChange(groupId, caller.accountId());
        Media media = avatar(caller, body, declaredLength);
        groups.change(caller, groupId, media.id());
        return MediaView.of(media);
    }

    /** Writes the record; the bytes are already in the store. */
    public Media record(Media media) {
        em.persist(media);
        em.flush();
        metrics.upload(media.kind().name().toLowerCase(Locale.ROOT), media.sizeBytes());
        LOG.fine(() -> "Stored media " + media.id() + " (" + media.kind() + ", " + media.sizeBytes() + " bytes)");
        return media;
    }

    /** How much the caller has uploaded in the last 24 hours. */
    public long uploadedToday(long accountId) {
        // A sum's type is the provider's choice (Hibernate: Long; EclipseLink: BigDecimal).
        return em.createNamedQuery(Media.UPLOADED_SINCE, Number.class)
                .setParameter("uploader", accountId)
                .setParameter("since", Timestamps.now().minusHours(24))
                .getSingleResult()
                .longValue();
    }

    private Media avatar(Caller caller, InputStream body, long declaredLength) {
        Received received = receive(caller, body, declaredLength, true);
        try {
            if (received.imageType == null) {
                throw new InvalidInputException(
                        "not_an_image", "body", "An avatar must be a JPEG, PNG, GIF or WebP image.");
            }
            byte[] square;
            try {
                square = ImageProcessor.avatar(received.file, received.imageType, settings.maxPixels());
            } catch (ImageProcessor.Rejected rejected) {
                throw new InvalidInputException(
                        rejected.tooLarge() ? "image_too_large" : "not_an_image", "body", rejected.getMessage());
            }
            String hash = sha256(square);
            store.keep(square, hash);
            Media media = new Media(
                    MediaKind.AVATAR,
                    hash,
                    "image/png",
                    square.length,
                    "avatar.png",
                    ImageProcessor.AVATAR_SIZE,
                    ImageProcessor.AVATAR_SIZE,
                    null,
                    caller.accountId(),
                    null,
                    Timestamps.now());
            return context.getBusinessObject(Uploads.class).record(media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(received.file);
        }
    }

    private Media asFile(Caller caller, long conversationId, Received received, String name) throws IOException {
        store.keep(received.file, received.hash);
        return new Media(
                MediaKind.FILE,
                received.hash,
                "application/octet-stream",
                received.size,
                FileNames.clean(name),
                null,
                null,
                null,
                caller.accountId(),
                conversationId,
                Timestamps.now());
    }

    /** The streamed upload: where it is, how big, its hash, and the image type its bytes show (or null). */
    private record Received(Path file, long size, String hash, String imageType) {}

    private Received receive(Caller caller, InputStream body, long declaredLength, boolean imageOnly) {
        long quota = settings.dailyQuotaBytes();
        long used = context.getBusinessObject(Uploads.class).uploadedToday(caller.accountId());
        if (used >= quota || (declaredLength > 0 && used + declaredLength > quota)) {
            throw new RateLimitedException(
                    "quota_exceeded",
                    Duration.ofHours(1),
                    "Daily upload quota of " + quota / (1024 * 1024) + " MB reached.");
        }
        long ceiling = imageOnly ? settings.maxImageBytes() : settings.maxFileBytes();
        if (declaredLength > ceiling) {
            throw tooLarge(ceiling);
        }
        long quotaLeft = quota - used;
        Path file = null;
        try {
            file = store.newTemporaryFile();
            byte[] head = new byte[ContentSniffer.HEAD];
            int headLength = body.readNBytes(head, 0, head.length);
            String imageType = ContentSniffer.sniff(head, headLength);
            if (imageOnly && imageType == null) {
                throw new InvalidInputException(
                        "not_an_image", "body", "An avatar must be a JPEG, PNG, GIF or WebP image.");
            }
            long limit = imageType != null ? settings.maxImageBytes() : settings.maxFileBytes();
            if (declaredLength > limit) {
                throw tooLarge(limit);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = headLength;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                out.write(head, 0, headLength);
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = body.read(buffer)) != -1) {
                    size += read;
                    if (size > limit) {
                        // Stop reading at once: nothing past the limit is written, and the partial file goes.
                        throw tooLarge(limit);
                    }
                    if (size > quotaLeft) {
                        throw new RateLimitedException(
                                "quota_exceeded",
                                Duration.ofHours(1),
                                "Daily upload quota of " + quota / (1024 * 1024) + " MB reached.");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new InvalidInputException("empty_upload", "body", "The upload is empty.");
            }
            return new Received(file, size, HexFormat.of().formatHex(digest.digest()), imageType);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new InvalidInputException("upload_interrupted", "body", "The upload did not arrive whole.");
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            deleteQuietly(file);
            throw new IllegalStateException(e);
        }
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("too_large", "The upload is larger than " + limit / (1024 * 1024) + " MB.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.fine(() -> "Could not delete " + file);
        }
    }

    /** What an account has uploaded: how many files, how many bytes, and today's share of the quota. */
    public record Usage(long files, long bytes, long last24HoursBytes, long dailyQuotaBytes) {}

    public Usage usage(long accountId) {
        Object[] totals = em.createQuery(
                        "select count(m), coalesce(sum(m.sizeBytes), 0) from Media m where m.uploaderId = :uploader",
                        Object[].class)
                .setParameter("uploader", accountId)
                .getSingleResult();
        return new Usage(
                ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(),
                uploadedToday(accountId),
                settings.dailyQuotaBytes());
    }

    /** Withdraws every upload of an account from serving (the spammer clean-up); returns how many. */
    public int withdrawAllBy(long accountId) {
        return em.createQuery("update Media m set m.withdrawnAt = :now where m.uploaderId = :uploader"
                        + " and m.withdrawnAt is null")
                .setParameter("now", Timestamps.now())
                .setParameter("uploader", accountId)
                .executeUpdate();
    }
}

package chat.plume.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One upload: what kind it is (decided from its bytes), where its bytes are (their hash), what
 * it was called, and which conversation it was sent into. Identical uploads share bytes, not rows.
 */
@Entity
@Table(name = "media")
@NamedQuery(
        name = Media.UPLOADED_SINCE,
        query = "select coalesce(sum(m.sizeBytes), 0) from Media m"
                + " where m.uploaderId = :uploader and m.createdAt > :since")
public class Media {

    public static final String UPLOADED_SINCE = "Media.uploadedSince";

    @Id
    @SequenceGenerator(name = "media_seq", sequenceName = "media_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "media_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private MediaKind kind;

    @Column(name = "content_hash", nullable = false, updatable = false, length = 64)
    private String contentHash;

    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "original_name", nullable = false, updatable = false, length = 255)
    private String originalName;

    @Column(updatable = false)
    private Integer width;

    @Column(updatable = false)
    private Integer height;

    @Column(name = "thumbnail_hash", updatable = false, length = 64)
    private String thumbnailHash;

    @Column(name = "uploader_id", nullable = false, updatable = false)
    private long uploaderId;

    @Column(name = "conversation_id", updatable = false)
    private Long conversationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    /** Set when an administrator withdrew it: never served again. */
    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    protected Media() {}

    public Media(
            MediaKind kind,
            String contentHash,
            String contentType,
            long sizeBytes,
            String originalName,
            Integer width,
            Integer height,
            String thumbnailHash,
            long uploaderId,
            Long conversationId,
            LocalDateTime now) {
        this.kind = kind;
        this.contentHash = contentHash;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.originalName = originalName;
        this.width = width;
        this.height = height;
        this.thumbnailHash = thumbnailHash;
        this.uploaderId = uploaderId;
        this.conversationId = conversationId;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public MediaKind kind() {
        return kind;
    }

    public String contentHash() {
        return contentHash;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String originalName() {
        return originalName;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public String thumbnailHash() {
        return thumbnailHash;
    }

    public long uploaderId() {
        return uploaderId;
    }

    public Long conversationId() {
        return conversationId;
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}

package chat.plume.social;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * What friend requests and group join requests share: a message, a status that only a pending
 * request can leave, and a {@code pendingKey} that is set while pending and cleared once
 * decided. A unique constraint on that key allows one open request per pair, even under
 * concurrent requests (NULLs never collide). The version makes two answers to the same request
 * conflict instead of both applying.
 */
@MappedSuperclass
public abstract class PendingRequest {

    @Column(length = 100)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "pending_key", length = 41)
    private String pendingKey;

    @Version
    private long version;

    protected PendingRequest() {}

    protected PendingRequest(String pendingKey, String message, LocalDateTime now) {
        this.pendingKey = pendingKey;
        this.message = message;
        this.status = RequestStatus.PENDING;
        this.createdAt = now;
    }

    /** Ends the request; callers check {@link #isPending()} first. */
    protected void close(RequestStatus outcome, LocalDateTime now) {
        this.status = outcome;
        this.decidedAt = now;
        this.pendingKey = null;
    }

    public boolean isPending() {
        return status == RequestStatus.PENDING;
    }

    public String message() {
        return message;
    }

    public RequestStatus status() {
        return status;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime decidedAt() {
        return decidedAt;
    }
}

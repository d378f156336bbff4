package chat.plume.announcements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** One person dismissed one announcement: it is not shown to them again, on any device. */
@Entity
@Table(name = "announcement_dismissal")
@IdClass(AnnouncementDismissal.Key.class)
public class AnnouncementDismissal {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "announcement_id")
    private Long announcementId;

    @Column(name = "dismissed_at", nullable = false, updatable = false)
    private LocalDateTime dismissedAt;

    protected AnnouncementDismissal() {}

    AnnouncementDismissal(long accountId, long announcementId, LocalDateTime now) {
        this.accountId = accountId;
        this.announcementId = announcementId;
        this.dismissedAt = now;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private Long accountId;
        private Long announcementId;

        public Key() {}

        public Key(long accountId, long announcementId) {
            this.accountId = accountId;
            this.announcementId = announcementId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k
                    && Objects.equals(accountId, k.accountId)
                    && Objects.equals(announcementId, k.announcementId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, announcementId);
        }
    }
}

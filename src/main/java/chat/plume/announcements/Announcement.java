package chat.plume.announcements;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** An announcement to everyone: shown from its publication until its end time or until ended by hand. */
@Entity
@Table(name = "announcement")
@NamedQuery(
        name = Announcement.LIVE,
        query = "select a from Announcement a where a.endedAt is null and (a.endsAt is null or a.endsAt > :now)"
                + " order by a.id desc")
@NamedQuery(
        name = Announcement.LIVE_FOR,
        query = "select a from Announcement a where a.endedAt is null and (a.endsAt is null or a.endsAt > :now)"
                + " and not exists (select d from AnnouncementDismissal d where d.announcementId = a.id"
                + " and d.accountId = :account) order by a.id desc")
@NamedQuery(name = Announcement.ALL, query = "select a from Announcement a order by a.id desc")
public class Announcement {

    static final String LIVE = "Announcement.live";
    static final String LIVE_FOR = "Announcement.liveFor";
    static final String ALL = "Announcement.all";

    @Id
    @SequenceGenerator(name = "announcement_seq", sequenceName = "announcement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "announcement_seq")
    private Long id;

    @Column(nullable = false, length = 500)
    private String body;

    @Column(length = 300)
    private String link;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    @Version
    private long version;

    protected Announcement() {}

    Announcement(long createdBy, String body, String link, LocalDateTime endsAt, LocalDateTime now) {
        this.createdBy = createdBy;
        this.body = body;
        this.link = link;
        this.endsAt = endsAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void edit(String body, String link, LocalDateTime endsAt, LocalDateTime now) {
        this.body = body;
        this.link = link;
        this.endsAt = endsAt;
        this.updatedAt = now;
    }

    void end(LocalDateTime now) {
        this.endedAt = now;
        this.updatedAt = now;
    }

    boolean isLiveAt(LocalDateTime now) {
        return endedAt == null && (endsAt == null || endsAt.isAfter(now));
    }

    long id() {
        return id;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime updatedAt() {
        return updatedAt;
    }

    LocalDateTime endsAt() {
        return endsAt;
    }

    LocalDateTime endedAt() {
        return endedAt;
    }
}

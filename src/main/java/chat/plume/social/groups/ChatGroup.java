package chat.plume.social.groups;

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
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A chat group. Its number (群号) is what people search for and share; it is
 * nine random digits, unique, and says nothing about the internal id or the number of groups. A dissolved group
 * keeps its row (for the history of its conversation) but has no members and cannot change.
 */
@Entity
@Table(name = "chat_group")
@NamedQuery(name = ChatGroup.BY_NUMBER, query = "select g from ChatGroup g where g.number = :number")
@NamedQuery(
        name = ChatGroup.SEARCH,
        query = "select g from ChatGroup g where g.dissolvedAt is null and"
                + " (g.number = :number or lower(g.name) like :pattern escape '!') order by g.number")
public class ChatGroup {

    public static final String SEARCH = "ChatGroup.search";
    public static final String BY_NUMBER = "ChatGroup.byNumber";

    @Id
    @SequenceGenerator(name = "chat_group_seq", sequenceName = "chat_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_group_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(length = 2000)
    private String announcement;

    @Column(name = "announcement_updated_at")
    private LocalDateTime announcementUpdatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_policy", nullable = false, length = 16)
    private JoinPolicy joinPolicy;

    @Column(name = "member_limit", nullable = false)
    private int memberLimit;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "dissolved_at")
    private LocalDateTime dissolvedAt;

    @Column(name = "all_muted_until")
    private LocalDateTime allMutedUntil;

    @Column(name = "avatar_media_id")
    private Long avatarMediaId;

    @Version
    private long version;

    protected ChatGroup() {}

    public ChatGroup(
            long number,
            String name,
            String description,
            JoinPolicy joinPolicy,
            int memberLimit,
            long ownerId,
            LocalDateTime now) {
        this.number = number;
        this.name = name;
        this.description = description;
        this.joinPolicy = joinPolicy;
        this.memberLimit = memberLimit;
        this.ownerId = ownerId;
        this.createdAt = now;
    }

    public void describe(String newName, String newDescription, JoinPolicy newPolicy) {
        this.name = newName;
        this.description = newDescription;
        this.joinPolicy = newPolicy;
    }

    public void announce(String text, LocalDateTime now) {
        this.announcement = text;
        this.announcementUpdatedAt = now;
    }

    public void transferTo(long newOwnerId) {
        this.ownerId = newOwnerId;
    }

    public void dissolve(LocalDateTime now) {
        this.dissolvedAt = now;
    }

    /** Silences everyone but the owner and admins until then (null lifts it). */
    public void muteAllUntil(LocalDateTime until) {
        this.allMutedUntil = until;
    }

    public void setAvatar(Long mediaId) {
        this.avatarMediaId = mediaId;
    }

    public Long avatarMediaId() {
        return avatarMediaId;
    }

    public LocalDateTime allMutedUntil() {
        return allMutedUntil;
    }

    /** Whether everyone but the owner and admins is silenced at {@code now}. */
    public boolean isAllMutedAt(LocalDateTime now) {
        return allMutedUntil != null && allMutedUntil.isAfter(now);
    }

    public LocalDateTime dissolvedAt() {
        return dissolvedAt;
    }

    public boolean isDissolved() {
        return dissolvedAt != null;
    }

    public Long id() {
        return id;
    }

    public long number() {
        return number;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String announcement() {
        return announcement;
    }

    public LocalDateTime announcementUpdatedAt() {
        return announcementUpdatedAt;
    }

    public JoinPolicy joinPolicy() {
        return joinPolicy;
    }

    public int memberLimit() {
        return memberLimit;
    }

    public long ownerId() {
        return ownerId;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}

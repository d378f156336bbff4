package chat.plume.social.groups;

import chat.plume.social.RequestStatus;
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
 * Someone waiting to get into a group: they asked themselves ({@code inviterId} null) or a
 * member invited them and the policy wants an owner or admin to approve. One pending request
 * per person and group, kept unique by {@code pendingKey}.
 */
@Entity
@Table(name = "group_join_request")
@NamedQuery(name = GroupJoinRequest.PENDING_OF_GROUP, query = "select r from GroupJoinRequest r where r.groupId = :group"
        + " and r.status = chat.plume.social.RequestStatus.PENDING order by r.createdAt")
@NamedQuery(name = GroupJoinRequest.PENDING_FOR, query = "select r from GroupJoinRequest r where r.pendingKey = :key")
public class GroupJoinRequest {

    public static final String PENDING_OF_GROUP = "GroupJoinRequest.pendingOfGroup";
    public static final String PENDING_FOR = "GroupJoinRequest.pendingFor";

    @Id
    @SequenceGenerator(name = "group_join_request_seq", sequenceName = "group_join_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "group_join_request_seq")
    private Long id;

    @Column(name = "group_id", nullable = false, updatable = false)
    private long groupId;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    private long applicantId;

    @Column(name = "inviter_id", updatable = false)
    private Long inviterId;

    @Column(length = 100)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "pending_key", length = 41)
    private String pendingKey;

    @Version
    private long version;

    protected GroupJoinRequest() {
    }

    public GroupJoinRequest(long groupId, long applicantId, Long inviterId, String message, LocalDateTime now) {
        this.groupId = groupId;
        this.applicantId = applicantId;
        this.inviterId = inviterId;
        this.message = message;
        this.status = RequestStatus.PENDING;
        this.createdAt = now;
        this.pendingKey = keyOf(groupId, applicantId);
    }

    public static String keyOf(long groupId, long applicantId) {
        return groupId + ":" + applicantId;
    }

    public void decide(RequestStatus outcome, Long by, LocalDateTime now) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = now;
        this.pendingKey = null;
    }

    public boolean isPending() {
        return status == RequestStatus.PENDING;
    }

    public Long id() {
        return id;
    }

    public long groupId() {
        return groupId;
    }

    public long applicantId() {
        return applicantId;
    }

    public Long inviterId() {
        return inviterId;
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
}

package chat.plume.social.groups;

import chat.plume.social.PendingRequest;
import chat.plume.social.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Someone waiting to get into a group: they asked themselves ({@code inviterId} null) or a
 * member invited them and the policy wants an owner or admin to approve. One pending request
 * per person and group, kept unique by its pending key.
 */
@Entity
@Table(name = "group_join_request")
@NamedQuery(
        name = GroupJoinRequest.PENDING_OF_GROUP,
        query = "select r from GroupJoinRequest r where r.groupId = :group"
                + " and r.status = chat.plume.social.RequestStatus.PENDING and r.id > :after order by r.id")
@NamedQuery(
        name = GroupJoinRequest.CANCEL_PENDING_OF_GROUP,
        query = "update GroupJoinRequest r set r.status = chat.plume.social.RequestStatus.CANCELLED,"
                + " r.decidedAt = :now, r.decidedBy = :by, r.pendingKey = null, r.version = r.version + 1"
                + " where r.groupId = :group and r.status = chat.plume.social.RequestStatus.PENDING")
@NamedQuery(name = GroupJoinRequest.PENDING_FOR, query = "select r from GroupJoinRequest r where r.pendingKey = :key")
public class GroupJoinRequest extends PendingRequest {

    public static final String PENDING_OF_GROUP = "GroupJoinRequest.pendingOfGroup";
    public static final String PENDING_FOR = "GroupJoinRequest.pendingFor";
    /** Ends every pending request of a group in one statement (the group ends). */
    public static final String CANCEL_PENDING_OF_GROUP = "GroupJoinRequest.cancelPendingOfGroup";

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

    @Column(name = "decided_by")
    private Long decidedBy;

    protected GroupJoinRequest() {}

    public GroupJoinRequest(long groupId, long applicantId, Long inviterId, String message, LocalDateTime now) {
        super(keyOf(groupId, applicantId), message, now);
        this.groupId = groupId;
        this.applicantId = applicantId;
        this.inviterId = inviterId;
    }

    public static String keyOf(long groupId, long applicantId) {
        return groupId + ":" + applicantId;
    }

    public void decide(RequestStatus outcome, Long by, LocalDateTime now) {
        close(outcome, now);
        this.decidedBy = by;
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
}

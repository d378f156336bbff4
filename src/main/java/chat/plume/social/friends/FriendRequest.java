package chat.plume.social.friends;

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
 * A request from one person to become another's friend, with an optional message (验证消息).
 * While pending, its key holds the unordered pair of ids, which the database keeps
 * unique: there is never more than one open request between two people, whoever asked.
 */
@Entity
@Table(name = "friend_request")
@NamedQuery(name = FriendRequest.PENDING_BETWEEN, query = "select r from FriendRequest r where r.pendingKey = :pair")
@NamedQuery(
        name = FriendRequest.PENDING_OF,
        query =
                "select r from FriendRequest r where r.status = chat.plume.social"
                        + ".RequestStatus.PENDING and (r.recipientId = :account or r.requesterId = :account) order by r.createdAt desc")
@NamedQuery(
        name = FriendRequest.LAST_DECLINED,
        query = "select r from FriendRequest r where r.requesterId = :requester"
                + " and r.recipientId = :recipient and r.status = chat.plume.social.RequestStatus.DECLINED"
                + " order by r.decidedAt desc")
public class FriendRequest extends PendingRequest {

    public static final String PENDING_BETWEEN = "FriendRequest.pendingBetween";
    public static final String PENDING_OF = "FriendRequest.pendingOf";
    public static final String LAST_DECLINED = "FriendRequest.lastDeclined";

    @Id
    @SequenceGenerator(name = "friend_request_seq", sequenceName = "friend_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "friend_request_seq")
    private Long id;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private long requesterId;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    protected FriendRequest() {}

    public FriendRequest(long requesterId, long recipientId, String message, LocalDateTime now) {
        super(pairOf(requesterId, recipientId), message, now);
        this.requesterId = requesterId;
        this.recipientId = recipientId;
    }

    /** The same key for (a, b) and (b, a). */
    public static String pairOf(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    /** Ends the request; only a pending request can be decided. */
    public void decide(RequestStatus outcome, LocalDateTime now) {
        close(outcome, now);
    }

    public boolean involves(long accountId) {
        return requesterId == accountId || recipientId == accountId;
    }

    public Long id() {
        return id;
    }

    public long requesterId() {
        return requesterId;
    }

    public long recipientId() {
        return recipientId;
    }
}

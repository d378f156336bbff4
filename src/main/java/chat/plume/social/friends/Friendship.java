package chat.plume.social.friends;

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
 * One side of a friendship: the owner's view of a friend, with the owner's private remark (备注)
 * and the contact group the owner filed the friend under. A friendship always has both sides.
 */
@Entity
@Table(name = "friendship")
@NamedQuery(
        name = Friendship.OF_OWNER,
        query = "select f from Friendship f where f.ownerId = :owner and f.friendId > :after order by f.friendId")
@NamedQuery(
        name = Friendship.BETWEEN,
        // Both directions as IN lists, not an OR of two pairs: H2 served the OR by reading every
        // friendship (40,001 rows in a filled database); the lists are an index range per side.
        // The two forms match the same rows because nobody is their own friend.
        query = "select f from Friendship f where f.ownerId in (:a, :b) and f.friendId in (:a, :b)"
                + " and f.ownerId <> f.friendId")
@NamedQuery(
        name = Friendship.PAIRS_AMONG,
        query = "select f.ownerId, f.friendId from Friendship f where f.ownerId in :owners and f.friendId in :friends")
@NamedQuery(name = Friendship.FRIEND_IDS, query = "select f.friendId from Friendship f where f.ownerId = :owner")
@NamedQuery(
        name = Friendship.MOVE_ALL,
        query = "update Friendship f set f.contactGroupId = :target"
                + " where f.ownerId = :owner and f.contactGroupId = :source")
public class Friendship {

    /** (owner, friend) of the friendships among some owners and some friends. */
    public static final String PAIRS_AMONG = "Friendship.pairsAmong";

    public static final String OF_OWNER = "Friendship.ofOwner";
    public static final String BETWEEN = "Friendship.between";
    public static final String FRIEND_IDS = "Friendship.friendIds";
    public static final String MOVE_ALL = "Friendship.moveAll";

    @Id
    @SequenceGenerator(name = "friendship_seq", sequenceName = "friendship_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "friendship_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "friend_id", nullable = false, updatable = false)
    private long friendId;

    @Column(length = 32)
    private String remark;

    @Column(name = "contact_group_id", nullable = false)
    private long contactGroupId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected Friendship() {}

    public Friendship(long ownerId, long friendId, long contactGroupId, LocalDateTime now) {
        this.ownerId = ownerId;
        this.friendId = friendId;
        this.contactGroupId = contactGroupId;
        this.createdAt = now;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public void moveTo(long contactGroupId) {
        this.contactGroupId = contactGroupId;
    }

    public long ownerId() {
        return ownerId;
    }

    public long friendId() {
        return friendId;
    }

    public String remark() {
        return remark;
    }

    public long contactGroupId() {
        return contactGroupId;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}

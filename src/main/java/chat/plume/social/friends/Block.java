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
 * One person has blocked another: the blocked person can no longer send requests to, message,
 * or see the presence of the blocker. Blocks are one-way and private to the blocker.
 */
@Entity
@Table(name = "user_block")
@NamedQuery(
        name = Block.BY_BLOCKER,
        query = "select b from Block b where b.blockerId = :blocker order by b.createdAt desc")
@NamedQuery(
        name = Block.AMONG,
        query = "select b.blockerId, b.blockedId from Block b where b.blockerId in :people and b.blockedId in :people")
@NamedQuery(
        name = Block.EITHER_WAY,
        // As Friendship.BETWEEN: IN lists an index serves, where an OR of two pairs read the table.
        query = "select b from Block b where b.blockerId in (:a, :b) and b.blockedId in (:a, :b)"
                + " and b.blockerId <> b.blockedId")
public class Block {

    /** (blocker, blocked) of the blocks among some people. */
    public static final String AMONG = "Block.among";

    public static final String BY_BLOCKER = "Block.byBlocker";
    public static final String EITHER_WAY = "Block.eitherWay";

    @Id
    @SequenceGenerator(name = "user_block_seq", sequenceName = "user_block_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_block_seq")
    private Long id;

    @Column(name = "blocker_id", nullable = false, updatable = false)
    private long blockerId;

    @Column(name = "blocked_id", nullable = false, updatable = false)
    private long blockedId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    protected Block() {}

    public Block(long blockerId, long blockedId, LocalDateTime now) {
        this.blockerId = blockerId;
        this.blockedId = blockedId;
        this.createdAt = now;
    }

    public long blockerId() {
        return blockerId;
    }

    public long blockedId() {
        return blockedId;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}

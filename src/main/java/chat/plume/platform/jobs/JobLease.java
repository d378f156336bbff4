package chat.plume.platform.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Who may run a job now, and until when (rows are made by the migration, one per job). */
@Entity
@Table(name = "job_lease")
@NamedQuery(
        name = JobLease.TAKE,
        query = "update JobLease l set l.holder = :holder, l.leaseUntil = :until, l.lastStartedAt = :now"
                + " where l.name = :name and (l.leaseUntil < :now or l.holder is null)")
@NamedQuery(
        name = JobLease.TAKE_IF_DUE,
        query = "update JobLease l set l.holder = :holder, l.leaseUntil = :until, l.lastStartedAt = :now"
                + " where l.name = :name and (l.leaseUntil < :now or l.holder is null)"
                + " and (l.lastStartedAt is null or l.lastStartedAt < :due)")
@NamedQuery(
        name = JobLease.MOVE_CURSOR,
        query = "update JobLease l set l.cursorPosition = :cursor where l.name = :name and l.holder = :holder")
@NamedQuery(
        name = JobLease.RENEW,
        query = "update JobLease l set l.leaseUntil = :until where l.name = :name and l.holder = :holder")
@NamedQuery(
        name = JobLease.GIVE_BACK_OF_NODE,
        query = "update JobLease l set l.holder = null, l.leaseUntil = :now where l.name = :name"
                + " and l.holder like :node escape '!'")
@NamedQuery(
        name = JobLease.GIVE_BACK,
        query =
                "update JobLease l set l.holder = null, l.leaseUntil = :now where l.name = :name and l.holder = :holder")
public class JobLease {

    static final String TAKE = "JobLease.take";
    static final String TAKE_IF_DUE = "JobLease.takeIfDue";
    static final String MOVE_CURSOR = "JobLease.moveCursor";
    static final String RENEW = "JobLease.renew";
    static final String GIVE_BACK = "JobLease.giveBack";
    static final String GIVE_BACK_OF_NODE = "JobLease.giveBackOfNode";

    @Id
    @Column(length = 40)
    private String name;

    @Column(length = 120)
    private String holder;

    @Column(name = "lease_until", nullable = false)
    private LocalDateTime leaseUntil;

    /** Where a job that works through a table over several runs goes on from. */
    @Column(name = "cursor_position", nullable = false)
    private long cursorPosition;

    @Column(name = "last_started_at")
    private LocalDateTime lastStartedAt;

    protected JobLease() {}

    public String holder() {
        return holder;
    }

    public LocalDateTime leaseUntil() {
        return leaseUntil;
    }

    public long cursorPosition() {
        return cursorPosition;
    }
}

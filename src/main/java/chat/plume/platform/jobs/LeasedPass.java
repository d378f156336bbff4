package chat.plume.platform.jobs;

import chat.plume.platform.metrics.NodeName;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pass over an outbox (mail, bot events): one at a time on this node — a pass asked for while
 * one runs makes that one look again before it ends, so nothing queued meanwhile waits for the
 * next poll — and one node at a time in the cluster, under the job's lease. A pass that fails is
 * logged and the next poll tries again.
 */
public final class LeasedPass {

    private static final Logger LOG = Logger.getLogger(LeasedPass.class.getName());

    private final JobLeases leases;
    private final String job;
    private final Duration lease;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public LeasedPass(JobLeases leases, String job, Duration lease) {
        this.leases = leases;
        this.job = job;
        this.lease = lease;
    }

    /**
     * Runs {@code drain} with the lease's holder name until nothing more was asked for meanwhile;
     * {@code drain} returns false when it lost the lease ({@link JobLeases#renew}) and must stop.
     */
    public void run(Predicate<String> drain) {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        String holder = NodeName.get() + "/" + job + "-" + UUID.randomUUID();
        try {
            if (!leases.take(job, holder, lease)) {
                return;
            }
            try {
                do {
                    again.set(false);
                    if (!drain.test(holder)) {
                        return;
                    }
                } while (again.get());
            } finally {
                leases.giveBack(job, holder);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + job + " job failed; trying again at the next poll", e);
        } finally {
            running.set(false);
        }
    }

    /** Extends the lease while a long pass goes on; false when it lapsed and another holder has it. */
    public boolean renew(String holder) {
        return leases.renew(job, holder, lease);
    }
}

package chat.plume.admin.retention;

import chat.plume.identity.boundary.SessionCleanup;
import chat.plume.media.MediaCleanup;
import chat.plume.messaging.MessageRetention;
import chat.plume.platform.Timestamps;
import chat.plume.platform.jobs.JobLeases;
import chat.plume.platform.jobs.JobRun;
import chat.plume.platform.jobs.JobRuns;
import chat.plume.platform.metrics.NodeName;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one clean-up job if this node can take its lease: chunk by chunk, each chunk committed on
 * its own, the lease renewed between chunks (a run that lost it stops), at most {@value
 * #MAX_CHUNKS} chunks a run (the next run goes on), and the run recorded from start to end.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupRunner {

    private static final Logger LOG = Logger.getLogger(CleanupRunner.class.getName());

    /** How long a lease lasts without renewal: longer than any one chunk takes. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** Chunks one run does at most (500 rows each for sessions and messages). */
    static final int MAX_CHUNKS = 200;

    /** A scheduled run is skipped when one started this recently (the timers fire hourly). */
    static final Duration SLOT = Duration.ofMinutes(30);

    /** The node's name as runs record it (the column holds 64 characters). */
    private static String node() {
        String name = NodeName.get();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    @Inject
    JobLeases leases;

    @Inject
    JobRuns runs;

    @Inject
    RetentionSettings settings;

    @Inject
    SessionCleanup sessions;

    @Inject
    MediaCleanup media;

    @Inject
    MessageRetention messages;

    public boolean isEnabled(CleanupJob job) {
        return job != CleanupJob.MESSAGES || settings.messageDays() > 0;
    }

    /**
     * Runs the job now (an administrator's "Run now") unless it is switched off or another run (on
     * any node) holds its lease: then nothing happens and the answer is empty. Otherwise the
     * answer is the finished run.
     */
    public Optional<JobRuns.View> run(CleanupJob job) {
        return run(job, false);
    }

    /** The hourly run: as {@link #run}, and not again if one started within the last half hour. */
    public Optional<JobRuns.View> runScheduled(CleanupJob job) {
        return run(job, true);
    }

    private Optional<JobRuns.View> run(CleanupJob job, boolean scheduled) {
        if (!isEnabled(job)) {
            return Optional.empty();
        }
        String node = node();
        String holder = node + "/" + UUID.randomUUID();
        boolean taken = scheduled
                ? leases.takeIfDue(job.jobName(), holder, LEASE, SLOT)
                : leases.take(job.jobName(), holder, LEASE);
        if (!taken) {
            return Optional.empty();
        }
        long runId = runs.start(job.jobName(), node);
        Progress progress = new Progress(job, holder);
        try {
            String detail = switch (job) {
                case SESSIONS -> sessions(progress);
                case UPLOADS -> uploads(progress);
                case MESSAGES -> messages(progress);
            };
            runs.finish(runId, JobRun.Outcome.COMPLETED, progress.removed, detail + progress.stopped());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Clean-up job " + job.jobName() + " failed", e);
            runs.finish(runId, JobRun.Outcome.FAILED, progress.removed, String.valueOf(e));
        } finally {
            leases.giveBack(job.jobName(), holder);
        }
        return Optional.of(runs.get(runId));
    }

    private String sessions(Progress progress) {
        LocalDateTime cutoff = Timestamps.now().minusDays(settings.sessionDays());
        progress.repeat(() -> sessions.removeChunkEndedBefore(cutoff));
        progress.repeat(() -> sessions.removeLinksEndedBefore(cutoff));
        int windows = sessions.sweepSignInWindows();
        return "sessions ended before " + cutoff + "Z; " + windows + " finished sign-in windows forgotten on "
                + NodeName.get();
    }

    /**
     * Uploads are looked at in id order, 200 at a time, going on from where the last run stopped
     * (most old uploads are in use and stay: starting from the first each time, a run's budget
     * would never reach the newer ones); at the end it starts over.
     */
    private String uploads(Progress progress) {
        // Files kept again (an identical upload) since a little before the run began stay: the
        // margin covers filesystems that keep modification times to the second or two.
        Instant keptSince = Instant.now().minusSeconds(5);
        LocalDateTime cutoff = Timestamps.now().minusHours(settings.uploadGraceHours());
        long from = leases.cursor(progress.job.jobName());
        long after = from;
        int files = 0;
        int examined = 0;
        boolean finished = false;
        while (progress.mayGoOn()) {
            MediaCleanup.Chunk chunk = media.collectChunk(cutoff, after);
            if (chunk.examined() == 0) {
                finished = true;
                break;
            }
            examined += chunk.examined();
            after = chunk.lastId();
            progress.removed += chunk.removed();
            files += media.removeUnusedFiles(chunk.hashes(), keptSince);
        }
        leases.moveCursor(progress.job.jobName(), progress.holder, finished ? 0 : after);
        return "unused uploads made before " + cutoff + "Z, ids after " + from + " (" + examined + " looked at"
                + (finished ? ", to the end" : ", the next run goes on after " + after) + "); " + files
                + " stored files deleted";
    }

    private String messages(Progress progress) {
        LocalDateTime cutoff = Timestamps.now().minusDays(settings.messageDays());
        progress.repeat(() -> messages.removeChunkOlderThan(cutoff));
        return "messages created before " + cutoff + "Z (" + settings.messageDays() + " days)";
    }

    /** A run's count, its chunk budget and its lease. */
    private final class Progress {
        private final CleanupJob job;
        private final String holder;
        long removed;
        int chunks;
        String stop = "";

        Progress(CleanupJob job, String holder) {
            this.job = job;
            this.holder = holder;
        }

        /** Whether another chunk may run: budget left, and the lease still this run's. */
        boolean mayGoOn() {
            if (chunks > 0 && !leases.renew(job.jobName(), holder, LEASE)) {
                stop = "; stopped: the lease was lost";
                return false;
            }
            if (chunks++ >= MAX_CHUNKS) {
                stop = "; stopped after " + MAX_CHUNKS + " chunks, the next run goes on";
                return false;
            }
            return true;
        }

        /** Runs chunks until one removes nothing. */
        void repeat(Supplier<Integer> chunk) {
            while (mayGoOn()) {
                int n = chunk.get();
                removed += n;
                if (n == 0) {
                    break;
                }
            }
        }

        String stopped() {
            return stop;
        }
    }
}

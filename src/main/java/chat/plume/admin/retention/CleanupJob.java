package chat.plume.admin.retention;

import java.util.Locale;
import java.util.Optional;

/** The clean-up jobs, by the name their lease row and their runs carry. */
public enum CleanupJob {
    /** Sessions that ended more than the session window ago; this node's finished sign-in windows. */
    SESSIONS,
    /** Uploads nothing uses, older than the grace period, and their stored bytes. */
    UPLOADS,
    /** Messages older than the retention window (only when one is configured). */
    MESSAGES;

    public String jobName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CleanupJob> named(String name) {
        for (CleanupJob job : values()) {
            if (job.jobName().equals(name)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }
}

package chat.plume.admin.retention;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The clock: every node's timers fire hourly (not persistent — a persistent timer store shared
 * by the nodes is server-specific, and a missed tick only delays a clean-up by an hour); the
 * lease in {@link CleanupRunner} makes sure one node runs each job.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupSchedule {

    @Inject
    CleanupRunner runner;

    @Schedule(minute = "7", hour = "*", persistent = false)
    void sessions() {
        runner.runScheduled(CleanupJob.SESSIONS);
    }

    @Schedule(minute = "27", hour = "*", persistent = false)
    void uploads() {
        runner.runScheduled(CleanupJob.UPLOADS);
    }

    @Schedule(minute = "47", hour = "*", persistent = false)
    void messages() {
        runner.runScheduled(CleanupJob.MESSAGES);
    }
}

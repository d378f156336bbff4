package chat.plume.admin.retention;

import chat.plume.platform.jobs.JobRuns;

/**
 * A clean-up job in the console: whether it is on, how long it keeps what it removes ({@code
 * keep} in {@code keepUnit}, days or hours; 0: forever, the job is off), who runs it right now
 * (a node and run, or null) and its last run. Numbers, not sentences: the page says them in the
 * operator's language.
 */
public record JobStatus(
        String name, boolean enabled, int keep, String keepUnit, String runningOn, JobRuns.View lastRun) {}

package chat.plume.admin.retention;

import chat.plume.platform.jobs.JobRuns;

/**
 * A clean-up job in the console: whether it is on, what it keeps ({@code window}, in words the
 * operator set), who runs it right now (a node and run, or null) and its last run.
 */
public record JobStatus(String name, boolean enabled, String window, String runningOn, JobRuns.View lastRun) {}

package chat.plume.admin.retention;

import chat.plume.admin.AdminRequests;
import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.identity.boundary.AdminOnly;
import chat.plume.identity.boundary.Authenticated;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.CurrentCaller;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.jobs.JobLeases;
import chat.plume.platform.jobs.JobRuns;
import chat.plume.platform.rest.PageParameters;
import chat.plume.platform.rest.ResultPage;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** {@code /admin/jobs}: the clean-up jobs, their runs, and running one now. */
@Path("admin/jobs")
@Authenticated
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    CleanupRunner runner;

    @Inject
    RetentionSettings settings;

    @Inject
    JobLeases leases;

    @Inject
    JobRuns runs;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest http;

    @GET
    public List<JobStatus> jobs() {
        return Arrays.stream(CleanupJob.values())
                .map(job -> new JobStatus(
                        job.jobName(),
                        runner.isEnabled(job),
                        keep(job),
                        job == CleanupJob.UPLOADS ? "hours" : "days",
                        leases.holderOf(job.jobName()).orElse(null),
                        runs.recent(job.jobName(), 0, 1).items().stream()
                                .findFirst()
                                .orElse(null)))
                .toList();
    }

    @GET
    @Path("runs")
    public ResultPage<JobRuns.View> runs(
            @QueryParam("job") @Pattern(regexp = "^(sessions|uploads|messages)$", message = "no such job") String job,
            @BeanParam @Valid PageParameters paging) {
        return runs.recent(job, paging.page(), paging.size());
    }

    /**
     * Runs a job now, here, and answers with the finished run: 409 {@code job_disabled} when it
     * is switched off, {@code job_running} when a run (scheduled, or another administrator's)
     * holds it. Recorded in the audit log.
     */
    @POST
    @Path("{name}/run")
    public JobRuns.View run(@PathParam("name") String name) {
        CleanupJob job =
                CleanupJob.named(name).orElseThrow(() -> new MissingEntityException("job_not_found", "No such job."));
        if (!runner.isEnabled(job)) {
            throw new ConflictException("job_disabled", "This job is switched off by configuration.");
        }
        JobRuns.View run = runner.run(job)
                .orElseThrow(() -> new ConflictException("job_running", "This job is running now; try again later."));
        Caller actor = caller.get();
        audit.appendAlone(new AuditEntry(
                actor.accountId(),
                actor.username(),
                "job.run",
                "job",
                run.id(),
                job.jobName(),
                null,
                run.outcome() + ", " + run.removed() + " removed",
                AdminRequests.address(http)));
        return run;
    }

    private int keep(CleanupJob job) {
        return switch (job) {
            case SESSIONS -> settings.sessionDays();
            case UPLOADS -> settings.uploadGraceHours();
            case MESSAGES -> settings.messageDays();
        };
    }
}

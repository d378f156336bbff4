package chat.plume.platform.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One run of a job: where and when it ran, how it ended and how many rows it removed. */
@Entity
@Table(name = "job_run")
public class JobRun {

    public enum Outcome {
        RUNNING,
        COMPLETED,
        FAILED,
        /** The job is switched off by configuration (message retention, by default). */
        DISABLED
    }

    @Id
    @SequenceGenerator(name = "job_run_seq", sequenceName = "job_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_run_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 40)
    private String job;

    @Column(nullable = false, updatable = false, length = 64)
    private String node;

    @Column(name = "started_at", nullable = false, updatable = false)
    private LocalDateTime startedAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(nullable = false)
    private long removed;

    @Column(length = 500)
    private String detail;

    protected JobRun() {}

    JobRun(String job, String node, LocalDateTime now) {
        this.job = job;
        this.node = node;
        this.startedAt = now;
        this.outcome = Outcome.RUNNING;
    }

    void finish(Outcome outcome, long removed, String detail, LocalDateTime now) {
        this.outcome = outcome;
        this.removed = removed;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
        this.finishedAt = now;
    }

    public long id() {
        return id;
    }

    public String job() {
        return job;
    }

    public String node() {
        return node;
    }

    public LocalDateTime startedAt() {
        return startedAt;
    }

    public LocalDateTime finishedAt() {
        return finishedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public long removed() {
        return removed;
    }

    public String detail() {
        return detail;
    }
}

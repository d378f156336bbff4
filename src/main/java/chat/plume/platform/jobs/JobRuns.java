package chat.plume.platform.jobs;

import chat.plume.platform.Timestamps;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The record of job runs: each start and finish committed at once, so the console sees a run in progress. */
@Stateless
public class JobRuns {

    @PersistenceContext
    EntityManager em;

    /** A run as the console shows it. */
    public record View(
            long id,
            String job,
            String node,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            long removed,
            String detail) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long start(String job, String node) {
        JobRun run = new JobRun(job, node, Timestamps.now());
        em.persist(run);
        em.flush();
        return run.id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long runId, JobRun.Outcome outcome, long removed, String detail) {
        em.find(JobRun.class, runId).finish(outcome, removed, detail, Timestamps.now());
    }

    /** Runs, newest first; of one job when {@code job} is given. */
    public ResultPage<View> recent(String job, int page, int size) {
        String where = job == null ? "" : " where r.job = :job";
        var select = em.createQuery("select r from JobRun r" + where + " order by r.id desc", JobRun.class);
        var count = em.createQuery("select count(r) from JobRun r" + where, Long.class);
        if (job != null) {
            select.setParameter("job", job);
            count.setParameter("job", job);
        }
        List<View> items = select.setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(JobRuns::view)
                .toList();
        return new ResultPage<>(items, page, size, count.getSingleResult());
    }

    public View get(long runId) {
        return view(em.find(JobRun.class, runId));
    }

    private static View view(JobRun r) {
        return new View(
                r.id(),
                r.job(),
                r.node(),
                Timestamps.toInstant(r.startedAt()),
                Timestamps.toInstant(r.finishedAt()),
                r.outcome().name().toLowerCase(Locale.ROOT),
                r.removed(),
                r.detail());
    }
}

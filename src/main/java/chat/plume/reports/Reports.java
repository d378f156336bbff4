package chat.plume.reports;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.messaging.MessageEvidence;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.events.Push;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Filing reports and following one's own; the administrators' queue, a report's evidence and
 * its resolution. Deciding what to do about a report is the administrators' ({@code admin}); this
 * records the decision and tells the reporters.
 */
@Stateless
public class Reports {

    /** Open reports one person may have at a time: reporting stays possible, flooding the queue does not. */
    public static final int OPEN_PER_REPORTER = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageEvidence messageEvidence;

    @Inject
    Accounts accounts;

    @Inject
    Event<Push> push;

    /** Files a report, or answers with the reporter's open report of the same thing. */
    public ReportViews.Filed file(Caller caller, FileReport request) {
        boolean aboutMessage = request.conversation() != null || request.seq() != null;
        if (aboutMessage == (request.person() != null)) {
            throw new InvalidInputException(
                    "invalid_input", "person", "Report either a message (conversation and seq) or a person.");
        }
        if (aboutMessage && (request.conversation() == null || request.seq() == null)) {
            throw new InvalidInputException(
                    "invalid_input",
                    request.conversation() == null ? "conversation" : "seq",
                    "A message is named by its conversation and its seq.");
        }
        long me = caller.accountId();
        ReportReason reason = ReportReason.valueOf(request.reason().toUpperCase(Locale.ROOT));
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        LocalDateTime now = Timestamps.now();
        Report report;
        List<MessageEvidence.Line> evidence = List.of();
        if (aboutMessage) {
            MessageEvidence.Evidence copy = messageEvidence.capture(me, request.conversation(), request.seq());
            Optional<Report> open = openBy(me, Report.messageSubject(copy.messageId()));
            if (open.isPresent()) {
                return new ReportViews.Filed(ownView(open.get()), false);
            }
            report = Report.ofMessage(
                    me, copy.messageId(), copy.conversationId(), copy.seq(), copy.senderId(), reason, note, now);
            evidence = copy.lines();
        } else {
            long person = request.person();
            if (person == me) {
                throw new InvalidInputException("not_reportable", "person", "You cannot report yourself.");
            }
            PublicProfile profile = accounts.publicProfile(person);
            Optional<Report> open = openBy(me, Report.personSubject(person));
            if (open.isPresent()) {
                return new ReportViews.Filed(ownView(open.get()), false);
            }
            report = Report.ofPerson(me, person, snapshot(profile), reason, note, now);
        }
        long open = em.createNamedQuery(Report.COUNT_OPEN_BY, Long.class)
                .setParameter("reporter", me)
                .setParameter("status", Report.Status.OPEN)
                .getSingleResult();
        if (open >= OPEN_PER_REPORTER) {
            throw new RateLimitedException(
                    "too_many_reports",
                    Duration.ofHours(1),
                    "You have " + OPEN_PER_REPORTER + " reports waiting; wait until some are handled.");
        }
        try {
            em.persist(report);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            // The same report filed twice at the same moment (a double click on two devices).
            throw new DuplicateEntityException("already_reported", null, "You have already reported this.");
        }
        for (MessageEvidence.Line line : evidence) {
            em.persist(new ReportEvidence(report.id(), line));
        }
        return new ReportViews.Filed(ownView(report), true);
    }

    /** The caller's own reports, newest first. */
    public ResultPage<ReportViews.Mine> mine(Caller caller, int page, int size) {
        List<ReportViews.Mine> items = em.createNamedQuery(Report.MINE, Report.class)
                .setParameter("reporter", caller.accountId())
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(Reports::ownView)
                .toList();
        long total = em.createQuery("select count(r) from Report r where r.reporterId = :reporter", Long.class)
                .setParameter("reporter", caller.accountId())
                .getSingleResult();
        return new ResultPage<>(items, page, size, total);
    }

    /** How many reports wait for an administrator (the console's badge); given a second at most. */
    public long openCount() {
        return em.createNamedQuery(Report.COUNT_STATUS, Long.class)
                .setParameter("status", Report.Status.OPEN)
                .setHint("jakarta.persistence.query.timeout", 1000)
                .getSingleResult();
    }

    /** The queue: open or resolved reports, newest first, with the names of reporter and reported. */
    public ResultPage<ReportViews.Summary> queue(boolean open, int page, int size) {
        Report.Status status = open ? Report.Status.OPEN : Report.Status.RESOLVED;
        List<Report> rows = em.createNamedQuery(Report.QUEUE, Report.class)
                .setParameter("status", status)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em.createNamedQuery(Report.COUNT_STATUS, Long.class)
                .setParameter("status", status)
                .getSingleResult();
        Map<Long, PublicProfile> people = peopleOf(rows);
        return new ResultPage<>(rows.stream().map(r -> summary(r, people)).toList(), page, size, total);
    }

    /** One report with its evidence (only that report's). */
    public ReportViews.Detail detail(long reportId) {
        Report report = find(reportId);
        List<ReportViews.EvidenceLine> evidence = em.createNamedQuery(ReportEvidence.OF, ReportEvidence.class)
                .setParameter("report", reportId)
                .getResultStream()
                .map(ReportEvidence::view)
                .toList();
        long siblings = em.createQuery(
                        "select count(r) from Report r where r.subject = :subject and r.status = :status", Long.class)
                .setParameter("subject", report.subject())
                .setParameter("status", Report.Status.OPEN)
                .getSingleResult();
        return new ReportViews.Detail(
                summary(report, peopleOf(List.of(report))), report.targetSnapshot(), siblings, evidence);
    }

    /**
     * Records an administrator's decision on a report, and on every other open report of the
     * same subject (one decision answers everyone who reported it); each reporter is told. In the
     * caller's transaction, so the decision, its consequences and its audit row commit together.
     * 409 {@code report_resolved} when someone decided first.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public ReportViews.Resolution resolve(long reportId, long by, ReportOutcome outcome, String reason) {
        Report report = find(reportId);
        em.lock(report, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(report);
        if (!report.isOpen()) {
            throw new DuplicateEntityException("report_resolved", null, "This report has been resolved already.");
        }
        if (outcome == ReportOutcome.RECALL && !report.isAboutMessage()) {
            throw new InvalidInputException("invalid_input", "action", "Only a report of a message can recall it.");
        }
        LocalDateTime now = Timestamps.now();
        List<Report> all = em.createNamedQuery(Report.OPEN_OF_SUBJECT, Report.class)
                .setParameter("subject", report.subject())
                .setParameter("status", Report.Status.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Report each : all) {
            each.resolve(by, outcome, reason, now);
            push.fire(Push.to(each.reporterId(), new ReportFrames.Handled(each.id())));
        }
        return new ReportViews.Resolution(
                report.id(),
                report.subject(),
                report.targetId(),
                report.conversationId(),
                report.messageSeq(),
                report.isAboutMessage(),
                all.size());
    }

    /** The upload line {@code seq} of a report's evidence carried; 404 {@code media_not_found} if none. */
    public long evidenceMedia(long reportId, long seq) {
        find(reportId);
        return em.createNamedQuery(ReportEvidence.MEDIA_OF, Long.class)
                .setParameter("report", reportId)
                .setParameter("seq", seq)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new MissingEntityException("media_not_found", "This line carried no upload."));
    }

    private Report find(long reportId) {
        Report report = em.find(Report.class, reportId);
        if (report == null) {
            throw new MissingEntityException("report_not_found", "No such report.");
        }
        return report;
    }

    private Optional<Report> openBy(long reporter, String subject) {
        return em.createNamedQuery(Report.OPEN_BY, Report.class)
                .setParameter("reporter", reporter)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    private Map<Long, PublicProfile> peopleOf(List<Report> rows) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.reporterId());
            ids.add(r.targetId());
        });
        return accounts.publicProfiles(ids);
    }

    private static String snapshot(PublicProfile profile) {
        StringBuilder text = new StringBuilder(profile.displayName() + " (@" + profile.username() + ")");
        if (profile.signature() != null && !profile.signature().isBlank()) {
            text.append(" — ").append(profile.signature());
        }
        return text.toString();
    }

    private static String nameOf(Map<Long, PublicProfile> people, long id) {
        PublicProfile p = people.get(id);
        return p == null ? null : p.displayName() + " (@" + p.username() + ")";
    }

    private static ReportViews.Mine ownView(Report r) {
        return new ReportViews.Mine(
                r.id(),
                r.isAboutMessage() ? "message" : "person",
                r.conversationId(),
                r.messageSeq(),
                r.targetId(),
                r.reason().wireName(),
                r.note(),
                r.isOpen() ? "open" : "handled",
                Timestamps.toInstant(r.createdAt()),
                Timestamps.toInstant(r.resolvedAt()));
    }

    private static ReportViews.Summary summary(Report r, Map<Long, PublicProfile> people) {
        return new ReportViews.Summary(
                r.id(),
                r.isAboutMessage() ? "message" : "person",
                r.reporterId(),
                nameOf(people, r.reporterId()),
                r.targetId(),
                nameOf(people, r.targetId()),
                r.conversationId(),
                r.messageSeq(),
                r.reason().wireName(),
                r.note(),
                r.isOpen() ? "open" : "resolved",
                Timestamps.toInstant(r.createdAt()),
                r.outcome() == null ? null : r.outcome().wireName(),
                r.resolvedBy(),
                Timestamps.toInstant(r.resolvedAt()),
                r.decisionReason());
    }
}

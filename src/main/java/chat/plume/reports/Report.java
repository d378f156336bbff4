package chat.plume.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One person's report of a message or of another person. Open until an administrator resolves
 * it (with every other open report of the same subject).
 */
@Entity
@Table(name = "report")
@NamedQuery(
        name = Report.OPEN_BY,
        query = "select r from Report r where r.reporterId = :reporter and r.openSubject = :subject")
@NamedQuery(
        name = Report.OPEN_OF_SUBJECT,
        query = "select r from Report r where r.subject = :subject and r.status = :status order by r.id")
@NamedQuery(
        name = Report.COUNT_OPEN_BY,
        query = "select count(r) from Report r where r.reporterId = :reporter and r.status = :status")
@NamedQuery(name = Report.COUNT_STATUS, query = "select count(r) from Report r where r.status = :status")
@NamedQuery(name = Report.QUEUE, query = "select r from Report r where r.status = :status order by r.status, r.id desc")
@NamedQuery(name = Report.MINE, query = "select r from Report r where r.reporterId = :reporter order by r.id desc")
public class Report {

    static final String OPEN_BY = "Report.openBy";
    static final String OPEN_OF_SUBJECT = "Report.openOfSubject";
    static final String COUNT_OPEN_BY = "Report.countOpenBy";
    static final String COUNT_STATUS = "Report.countStatus";
    static final String QUEUE = "Report.queue";
    static final String MINE = "Report.mine";

    public enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    private Long id;

    @Column(name = "reporter_id", nullable = false, updatable = false)
    private long reporterId;

    @Column(nullable = false, updatable = false, length = 40)
    private String subject;

    @Column(name = "open_subject", length = 40)
    private String openSubject;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    @Column(name = "conversation_id", updatable = false)
    private Long conversationId;

    @Column(name = "message_seq", updatable = false)
    private Long messageSeq;

    @Column(name = "message_id", updatable = false)
    private Long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ReportReason reason;

    @Column(updatable = false, length = 1000)
    private String note;

    @Column(name = "target_snapshot", updatable = false, length = 600)
    private String targetSnapshot;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "resolved_at")
    private LocalDateTime resolvedAt;

    @Column(name = "resolved_by")
    private Long resolvedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ReportOutcome outcome;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    protected Report() {}

    private Report(
            long reporterId, String subject, long targetId, ReportReason reason, String note, LocalDateTime now) {
        this.reporterId = reporterId;
        this.subject = subject;
        this.openSubject = subject;
        this.targetId = targetId;
        this.reason = reason;
        this.note = note;
        this.createdAt = now;
        this.status = Status.OPEN;
    }

    static Report ofMessage(
            long reporterId,
            long messageId,
            long conversationId,
            long seq,
            long senderId,
            ReportReason reason,
            String note,
            LocalDateTime now) {
        Report report = new Report(reporterId, messageSubject(messageId), senderId, reason, note, now);
        report.messageId = messageId;
        report.conversationId = conversationId;
        report.messageSeq = seq;
        return report;
    }

    static Report ofPerson(
            long reporterId, long personId, String snapshot, ReportReason reason, String note, LocalDateTime now) {
        Report report = new Report(reporterId, personSubject(personId), personId, reason, note, now);
        report.targetSnapshot = snapshot;
        return report;
    }

    static String messageSubject(long messageId) {
        return "message:" + messageId;
    }

    static String personSubject(long accountId) {
        return "person:" + accountId;
    }

    void resolve(long by, ReportOutcome outcome, String reason, LocalDateTime now) {
        this.status = Status.RESOLVED;
        this.openSubject = null;
        this.resolvedBy = by;
        this.outcome = outcome;
        this.decisionReason = reason;
        this.resolvedAt = now;
    }

    public long id() {
        return id;
    }

    public long reporterId() {
        return reporterId;
    }

    public String subject() {
        return subject;
    }

    public long targetId() {
        return targetId;
    }

    public boolean isAboutMessage() {
        return messageId != null;
    }

    public Long conversationId() {
        return conversationId;
    }

    public Long messageSeq() {
        return messageSeq;
    }

    public Long messageId() {
        return messageId;
    }

    public ReportReason reason() {
        return reason;
    }

    public String note() {
        return note;
    }

    public String targetSnapshot() {
        return targetSnapshot;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public LocalDateTime resolvedAt() {
        return resolvedAt;
    }

    public Long resolvedBy() {
        return resolvedBy;
    }

    public ReportOutcome outcome() {
        return outcome;
    }

    public String decisionReason() {
        return decisionReason;
    }
}

package chat.plume.reports;

import chat.plume.messaging.MessageEvidence;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One message of a report's evidence, as the reporter saw it when reporting. Never changed. */
@Entity
@Table(name = "report_evidence")
@IdClass(ReportEvidence.Key.class)
@NamedQuery(
        name = ReportEvidence.OF,
        query = "select e from ReportEvidence e where e.reportId = :report order by e.seq")
@NamedQuery(
        name = ReportEvidence.MEDIA_OF,
        query = "select e.mediaId from ReportEvidence e where e.reportId = :report and e.seq = :seq")
@NamedQuery(
        name = ReportEvidence.MEDIA_OF_OPEN,
        query = "select e.mediaId from ReportEvidence e, Report r where e.mediaId in :ids and r.id = e.reportId"
                + " and r.status = :status")
public class ReportEvidence {

    static final String OF = "ReportEvidence.of";
    static final String MEDIA_OF = "ReportEvidence.mediaOf";
    static final String MEDIA_OF_OPEN = "ReportEvidence.mediaOfOpen";

    @Id
    @Column(name = "report_id")
    private Long reportId;

    @Id
    @Column(name = "seq")
    private Long seq;

    @Column(name = "sender_id", updatable = false)
    private Long senderId;

    @Column(name = "sender_name", updatable = false, length = 120)
    private String senderName;

    @Column(nullable = false, updatable = false, length = 16)
    private String kind;

    @Column(updatable = false, length = 10000)
    private String body;

    @Column(name = "media_id", updatable = false)
    private Long mediaId;

    @Column(name = "media_name", updatable = false, length = 255)
    private String mediaName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(nullable = false, updatable = false)
    private boolean edited;

    @Column(nullable = false, updatable = false)
    private boolean recalled;

    @Column(nullable = false, updatable = false)
    private boolean reported;

    protected ReportEvidence() {}

    ReportEvidence(long reportId, MessageEvidence.Line line) {
        this.reportId = reportId;
        this.seq = line.seq();
        this.senderId = line.senderId();
        this.senderName = line.senderName();
        this.kind = line.kind();
        this.body = line.body();
        this.mediaId = line.mediaId();
        this.mediaName = line.mediaName();
        this.createdAt = LocalDateTime.ofInstant(line.createdAt(), ZoneOffset.UTC);
        this.edited = line.edited();
        this.recalled = line.recalled();
        this.reported = line.reported();
    }

    ReportViews.EvidenceLine view() {
        return new ReportViews.EvidenceLine(
                seq,
                senderId,
                senderName,
                kind,
                body,
                mediaId != null,
                mediaName,
                createdAt.toInstant(ZoneOffset.UTC),
                edited,
                recalled,
                reported);
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private Long reportId;
        private Long seq;

        public Key() {}

        public Key(long reportId, long seq) {
            this.reportId = reportId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(reportId, k.reportId) && Objects.equals(seq, k.seq);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, seq);
        }
    }
}

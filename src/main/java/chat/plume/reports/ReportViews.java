package chat.plume.reports;

import java.time.Instant;
import java.util.List;

/** Reports as the API shows them: to their reporter (no decision), and to administrators. */
public final class ReportViews {

    private ReportViews() {}

    /**
     * One of the reporter's own reports. They learn that it was handled and when, never what was
     * decided: the decision is between the administrators and the person reported.
     */
    public record Mine(
            long id,
            String kind,
            Long conversation,
            Long seq,
            long person,
            String reason,
            String note,
            String status,
            Instant createdAt,
            Instant handledAt) {}

    /** A report in the administrators' queue. */
    public record Summary(
            long id,
            String kind,
            long reporter,
            String reporterName,
            long target,
            String targetName,
            Long conversation,
            Long seq,
            String reason,
            String note,
            String status,
            Instant createdAt,
            String outcome,
            Long resolvedBy,
            Instant resolvedAt,
            String decisionReason) {}

    /** A report opened by an administrator: the summary, what the reported person looked like, the evidence. */
    public record Detail(
            Summary report, String targetSnapshot, long openReportsOfSubject, List<EvidenceLine> evidence) {}

    /**
     * One message of the evidence, as the reporter saw it. {@code media}: it carried an upload,
     * which administrators fetch from the report ({@code /admin/reports/{id}/evidence/{seq}/media}).
     */
    public record EvidenceLine(
            long seq,
            Long sender,
            String senderName,
            String kind,
            String body,
            boolean media,
            String mediaName,
            Instant createdAt,
            boolean edited,
            boolean recalled,
            boolean reported) {}

    /** A report filed: the report, and whether it is new (201) or the one already open (200). */
    public record Filed(Mine report, boolean created) {}

    /** What a decision touched, for the administrator's audit row and follow-up. */
    public record Resolution(
            long id,
            String subject,
            long target,
            Long conversation,
            Long seq,
            boolean aboutMessage,
            int reportsClosed) {}
}

package chat.plume.reports;

/** The frames the reports feature pushes (docs/protocol.md, "Reports"). */
public final class ReportFrames {

    private ReportFrames() {}

    /** One of the recipient's reports was handled by an administrator (what was decided is not said). */
    public record Handled(String type, long report) {
        Handled(long report) {
            this("report.handled", report);
        }
    }
}

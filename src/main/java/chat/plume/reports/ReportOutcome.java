package chat.plume.reports;

import java.util.Locale;

/** What an administrator decided on a report. The reporter is told only that it was handled. */
public enum ReportOutcome {
    DISMISS,
    RECALL,
    MUTE,
    BAN,
    PURGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

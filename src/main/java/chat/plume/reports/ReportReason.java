package chat.plume.reports;

import java.util.Locale;

/** Why something is reported: the short list the page offers (free text goes with it). */
public enum ReportReason {
    SPAM,
    HARASSMENT,
    HATE,
    VIOLENCE,
    SEXUAL,
    IMPERSONATION,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package chat.plume.admin.retention;

import chat.plume.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How long things are kept: message retention in days (0, the default, keeps messages forever),
 * how long an ended session stays in a person's device history, and how long an unused upload is
 * given before it is removed (an upload is made before the message that carries it is sent).
 */
@ApplicationScoped
public class RetentionSettings {

    private final int messageDays = Settings.integer("plume.retention.message-days", 0, 0, 36_500);
    private final int sessionDays = Settings.integer("plume.retention.session-days", 30, 1, 3650);
    private final int uploadGraceHours = Settings.integer("plume.retention.upload-grace-hours", 24, 1, 24 * 365);

    public int messageDays() {
        return messageDays;
    }

    public int sessionDays() {
        return sessionDays;
    }

    public int uploadGraceHours() {
        return uploadGraceHours;
    }
}

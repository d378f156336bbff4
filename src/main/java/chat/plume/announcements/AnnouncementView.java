package chat.plume.announcements;

import chat.plume.platform.Timestamps;
import java.time.Instant;

/**
 * An announcement as the API shows it (who wrote it is in the audit log, not shown to everyone). {@code live} says whether it is showing now; {@code
 * endsAt} is its planned end (null: until ended by hand), {@code endedAt} when it was ended by hand.
 */
public record AnnouncementView(
        long id,
        String body,
        String link,
        Instant createdAt,
        Instant updatedAt,
        Instant endsAt,
        Instant endedAt,
        boolean live) {

    static AnnouncementView of(Announcement a) {
        return new AnnouncementView(
                a.id(),
                a.body(),
                a.link(),
                Timestamps.toInstant(a.createdAt()),
                Timestamps.toInstant(a.updatedAt()),
                Timestamps.toInstant(a.endsAt()),
                Timestamps.toInstant(a.endedAt()),
                a.isLiveAt(Timestamps.now()));
    }
}

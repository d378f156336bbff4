package chat.plume.announcements;

/** The frames the announcements feature pushes to everyone connected (docs/protocol.md, "Announcements"). */
public final class AnnouncementFrames {

    private AnnouncementFrames() {}

    /** An announcement was published or edited: show it (again, with its new text). */
    public record Shown(String type, AnnouncementView announcement) {
        Shown(AnnouncementView announcement) {
            this("announcement", announcement);
        }
    }

    /** An announcement was ended: take its banner down. */
    public record Ended(String type, long announcement) {
        Ended(long announcement) {
            this("announcement.ended", announcement);
        }
    }
}

package chat.plume.admin.broadcast;

import chat.plume.admin.audit.AuditEntry;
import chat.plume.admin.audit.AuditTrail;
import chat.plume.announcements.AnnouncementDraft;
import chat.plume.announcements.AnnouncementView;
import chat.plume.announcements.Announcements;
import chat.plume.identity.boundary.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Publishing, editing and ending announcements, each with its audit row, one administrator at a time. */
@Stateless
public class Broadcasts {

    /** How much of an announcement's text its audit row repeats. */
    private static final int AUDITED_TEXT = 300;

    @Inject
    AuditTrail audit;

    @Inject
    Announcements announcements;

    public AnnouncementView publish(Caller actor, AnnouncementDraft draft, String clientAddress) {
        audit.lock();
        AnnouncementView view = announcements.publish(actor.accountId(), draft);
        record(actor, "announcement.publish", view, clientAddress);
        return view;
    }

    public AnnouncementView edit(Caller actor, long id, AnnouncementDraft draft, String clientAddress) {
        audit.lock();
        AnnouncementView view = announcements.edit(id, draft);
        record(actor, "announcement.edit", view, clientAddress);
        return view;
    }

    public AnnouncementView end(Caller actor, long id, String clientAddress) {
        audit.lock();
        AnnouncementView view = announcements.end(id);
        record(actor, "announcement.end", view, clientAddress);
        return view;
    }

    private void record(Caller actor, String action, AnnouncementView view, String clientAddress) {
        String text = view.body().length() > AUDITED_TEXT ? view.body().substring(0, AUDITED_TEXT) + "…" : view.body();
        audit.append(new AuditEntry(
                actor.accountId(),
                actor.username(),
                action,
                "announcement",
                view.id(),
                null,
                null,
                text + (view.endsAt() == null ? "" : " (until " + view.endsAt() + ")"),
                clientAddress));
    }
}

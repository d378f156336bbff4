package chat.plume.announcements;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.ConflictException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.Push;
import chat.plume.platform.rest.ResultPage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Announcements: what a person sees now, dismissing one, and — for {@code admin.broadcast}, in
 * its transaction so that its audit row commits with the change — publish, edit and end. Every
 * change is pushed live to everyone connected.
 */
@Stateless
public class Announcements {

    /** Announcements showing at once: a page is not a notice board. */
    public static final int LIVE_LIMIT = 5;

    /** The furthest end an announcement may have (none at all: until ended by hand). */
    static final Duration LONGEST = Duration.ofDays(366);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Push> push;

    @Resource
    SessionContext context;

    /** What the caller should see now: the live announcements they have not dismissed, newest first. */
    public List<AnnouncementView> current(Caller caller) {
        return em.createNamedQuery(Announcement.LIVE_FOR, Announcement.class)
                .setParameter("now", Timestamps.now())
                .setParameter("account", caller.accountId())
                .setMaxResults(LIVE_LIMIT)
                .getResultStream()
                .map(AnnouncementView::of)
                .toList();
    }

    /**
     * Hides an announcement from the caller for good, on every device (idempotent): the mark is
     * written in a transaction of its own, and two devices dismissing at once — the second insert
     * breaking the key — is the same as one.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void dismiss(Caller caller, long announcementId) {
        try {
            context.getBusinessObject(Announcements.class).markDismissed(caller.accountId(), announcementId);
        } catch (EJBException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markDismissed(long accountId, long announcementId) {
        if (em.find(Announcement.class, announcementId) == null) {
            throw new MissingEntityException("announcement_not_found", "No such announcement.");
        }
        if (em.find(AnnouncementDismissal.class, new AnnouncementDismissal.Key(accountId, announcementId)) == null) {
            em.persist(new AnnouncementDismissal(accountId, announcementId, Timestamps.now()));
            // Here, not at commit: a duplicate from another device then fails inside this call.
            em.flush();
        }
    }

    /** Every announcement, newest first (for the console). */
    public ResultPage<AnnouncementView> all(int page, int size) {
        List<AnnouncementView> items = em.createNamedQuery(Announcement.ALL, Announcement.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(AnnouncementView::of)
                .toList();
        long total = em.createQuery("select count(a) from Announcement a", Long.class)
                .getSingleResult();
        return new ResultPage<>(items, page, size, total);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AnnouncementView publish(long authorId, AnnouncementDraft draft) {
        LocalDateTime now = Timestamps.now();
        LocalDateTime until = until(draft.until(), now);
        long live = em.createNamedQuery(Announcement.LIVE, Announcement.class)
                .setParameter("now", now)
                .getResultList()
                .size();
        if (live >= LIVE_LIMIT) {
            throw new ConflictException(
                    "too_many_announcements", "At most " + LIVE_LIMIT + " announcements show at once; end one first.");
        }
        Announcement announcement = new Announcement(authorId, draft.body().strip(), link(draft), until, now);
        em.persist(announcement);
        em.flush();
        AnnouncementView view = AnnouncementView.of(announcement);
        push.fire(Push.toEveryone(new AnnouncementFrames.Shown(view)));
        return view;
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AnnouncementView edit(long announcementId, AnnouncementDraft draft) {
        Announcement announcement = live(announcementId);
        LocalDateTime now = Timestamps.now();
        announcement.edit(draft.body().strip(), link(draft), until(draft.until(), now), now);
        // Changed, it is news again: shown to everyone, those who dismissed the old text too.
        em.createQuery("delete from AnnouncementDismissal d where d.announcementId = :id")
                .setParameter("id", announcementId)
                .executeUpdate();
        em.flush();
        AnnouncementView view = AnnouncementView.of(announcement);
        push.fire(Push.toEveryone(new AnnouncementFrames.Shown(view)));
        return view;
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AnnouncementView end(long announcementId) {
        Announcement announcement = live(announcementId);
        announcement.end(Timestamps.now());
        em.flush();
        push.fire(Push.toEveryone(new AnnouncementFrames.Ended(announcementId)));
        return AnnouncementView.of(announcement);
    }

    public AnnouncementView get(long announcementId) {
        return AnnouncementView.of(find(announcementId));
    }

    /** One that is still showing (ended or past its end: 409 {@code announcement_ended}), locked. */
    private Announcement live(long announcementId) {
        Announcement announcement = find(announcementId);
        em.lock(announcement, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(announcement);
        if (!announcement.isLiveAt(Timestamps.now())) {
            throw new ConflictException("announcement_ended", "This announcement has ended.");
        }
        return announcement;
    }

    private Announcement find(long announcementId) {
        Announcement announcement = em.find(Announcement.class, announcementId);
        if (announcement == null) {
            throw new MissingEntityException("announcement_not_found", "No such announcement.");
        }
        return announcement;
    }

    private static LocalDateTime until(Instant until, LocalDateTime now) {
        if (until == null) {
            return null;
        }
        if (!until.isAfter(now.toInstant(ZoneOffset.UTC))
                || until.isAfter(now.plus(LONGEST).toInstant(ZoneOffset.UTC))) {
            throw new InvalidInputException(
                    "invalid_input", "until", "until must be in the future, at most a year from now.");
        }
        return LocalDateTime.ofInstant(until, ZoneOffset.UTC);
    }

    private static String link(AnnouncementDraft draft) {
        return draft.link() == null || draft.link().isBlank()
                ? null
                : draft.link().strip();
    }
}

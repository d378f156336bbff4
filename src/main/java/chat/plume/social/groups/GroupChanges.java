package chat.plume.social.groups;

import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The changes to a group that its owner and Plume's administrators both make — hand it over, end
 * it, silence it, take a member out — once the caller has been authorized, inside the caller's
 * transaction: {@link ChatGroups}, {@link GroupModeration} and {@link GroupMemberships} check
 * the owner's and admins' rights, {@link GroupAdministration} acts for an administrator. A plain
 * bean rather than a method of those EJBs: package-private EJB methods cannot be called across
 * beans.
 */
@ApplicationScoped
public class GroupChanges {

    @PersistenceContext
    EntityManager em;

    @Inject
    GroupLookup lookup;

    @Inject
    GroupAnnouncements announcements;

    @Inject
    Event<Push> push;

    @Inject
    Event<GroupActivity> activity;

    /** Makes member {@code userId} the owner; the old owner stays as an admin. */
    void handOver(ChatGroup group, GroupMember owner, long userId, Long by) {
        GroupMember heir = lookup.existingMember(group.id(), userId);
        if (heir.accountId() == owner.accountId()) {
            throw new InvalidInputException("already_owner", "userId", "They already own this group.");
        }
        owner.setRole(GroupRole.ADMIN);
        heir.setRole(GroupRole.OWNER);
        group.transferTo(userId);
        lookup.flush();
        announcements.announceMember("group.member.updated", owner, by);
        announcements.announceMember("group.member.updated", heir, by);
        announcements.announceGroup("group.updated", group);
    }

    /**
     * Ends a group: everyone is told, memberships and pending requests end. {@code reason} is an
     * administrator's (who closed someone else's group), null when the owner dissolves it.
     */
    void end(ChatGroup group, long by, String reason) {
        long groupId = group.id();
        Set<Long> audience = lookup.memberIds(groupId);
        LocalDateTime now = Timestamps.now();
        // One statement however many wait (a popular group may have thousands).
        em.createNamedQuery(GroupJoinRequest.CANCEL_PENDING_OF_GROUP)
                .setParameter("group", groupId)
                .setParameter("now", now)
                .setParameter("by", by)
                .executeUpdate();
        em.createNamedQuery(GroupMember.REMOVE_ALL)
                .setParameter("group", groupId)
                .executeUpdate();
        group.dissolve(now);
        lookup.flush();
        activity.fire(
                reason == null
                        ? new GroupActivity(groupId, "dissolved", by, null, group.name())
                        : new GroupActivity(groupId, "closed", null, null, reason));
        push.fire(Push.to(audience, new GroupFrames.Dissolved(groupId, group.name(), reason)));
    }

    /** Silences everyone but the owner and admins for some minutes; 0 lifts it. */
    void silence(ChatGroup group, int minutes) {
        group.muteAllUntil(minutes == 0 ? null : Timestamps.now().plusMinutes(minutes));
        lookup.flush();
        announcements.announceGroup("group.updated", group);
    }

    /**
     * Takes a member out of the group and tells everyone. {@code byAdministrator}: removed by one
     * of Plume's administrators (who is not a member), which the group's notice says.
     */
    void expel(GroupMember target, long by, boolean byAdministrator) {
        long groupId = target.groupId();
        long userId = target.accountId();
        Set<Long> audience = lookup.memberIds(groupId);
        em.remove(target);
        activity.fire(
                byAdministrator
                        ? new GroupActivity(groupId, "expelled", userId, null, null)
                        : new GroupActivity(groupId, "removed", userId, by, null));
        // An administrator is not named to the members (as in the chat's notice).
        push.fire(Push.to(
                audience,
                new GroupFrames.MemberChanged(
                        "group.member.removed", groupId, userId, null, byAdministrator ? null : by)));
    }
}

package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Members' standing in a chat group: the member list, group nicknames (群昵称), admin roles, and
 * mutes of one member or the whole group.
 */
@Stateless
public class GroupModeration {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    GroupLookup lookup;

    @Inject
    GroupAnnouncements announcements;

    @Inject
    GroupChanges changes;

    /**
     * A page of a group's members, for its members only: up to {@code size} after account id
     * {@code after}, all of them, those whose names contain {@code text} (or null), or the bots.
     * A constant number of queries whatever the group's size: the group, the caller's membership,
     * the page of members, their profiles. With {@code botsOnly} the text is not applied.
     */
    public MemberPage members(Caller caller, long groupId, long after, int size, String text, boolean botsOnly) {
        lookup.live(groupId);
        GroupRules.requireMember(lookup.membership(groupId, caller.accountId()));
        List<GroupMember> members =
                lookup.memberPage(groupId, after, size, text == null ? null : text.toLowerCase(Locale.ROOT), botsOnly);
        Map<Long, PublicProfile> people = accounts.publicProfiles(
                members.stream().map(GroupMember::accountId).toList());
        return new MemberPage(
                members.stream()
                        .filter(m -> people.containsKey(m.accountId()))
                        .map(m -> announcements.memberView(m, people.get(m.accountId())))
                        .toList(),
                members.size() == size ? members.get(size - 1).accountId() : null);
    }

    /** A page of members and the account id the next page starts after (null: the last page). */
    public record MemberPage(List<GroupViews.Member> members, Long next) {}

    /** Sets the caller's own group nickname (群昵称); empty clears it. */
    public GroupViews.Member setNickname(Caller caller, long groupId, String nickname) {
        lookup.live(groupId);
        GroupMember me = GroupRules.requireMember(lookup.membership(groupId, caller.accountId()));
        me.setNickname(nickname == null || nickname.isBlank() ? null : nickname.strip());
        return announcements.announceMember("group.member.updated", me, null);
    }

    /** Promotes a member to admin or demotes an admin (owner only). */
    public GroupViews.Member setRole(Caller caller, long groupId, long userId, GroupRole role) {
        lookup.live(groupId);
        GroupRules.requireOwner(lookup.membership(groupId, caller.accountId()));
        if (role == GroupRole.OWNER) {
            throw new InvalidInputException("use_transfer", "role", "Transfer the group to make someone its owner.");
        }
        GroupMember target = lookup.existingMember(groupId, userId);
        if (target.role() == GroupRole.OWNER) {
            throw new AccessDeniedException("cannot_change_owner", "Transfer the group to change its owner.");
        }
        target.setRole(role);
        return announcements.announceMember("group.member.updated", target, caller.accountId());
    }

    /**
     * Silences the whole group (everyone but the owner and admins) for some minutes; 0 lifts it
     * (owner, admins).
     */
    public GroupViews.Group muteAll(Caller caller, long groupId, int minutes) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, caller.accountId()));
        changes.silence(group, minutes);
        return announcements.view(group, caller.accountId());
    }

    /** Silences one member for some minutes; 0 lifts it. Admins mute members; the owner anyone. */
    public GroupViews.Member muteMember(Caller caller, long groupId, long userId, int minutes) {
        lookup.live(groupId);
        GroupMember actor = lookup.membership(groupId, caller.accountId());
        GroupMember target = lookup.existingMember(groupId, userId);
        GroupRules.requireMayRemove(actor, target);
        target.muteUntil(minutes == 0 ? null : Timestamps.now().plusMinutes(minutes));
        return announcements.announceMember("group.member.updated", target, caller.accountId());
    }
}

package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.platform.LikePattern;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.social.friends.Friendships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading a group's rows inside the boundaries' transactions: the group if it still exists, one
 * membership, all of them. Shared by {@link ChatGroups}, {@link GroupMemberships} and
 * {@link GroupModeration}; it decides nothing but the refusals every one of them needs (no such
 * group, no such member, not a friend).
 */
@ApplicationScoped
public class GroupLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    ChatGroup live(long groupId) {
        ChatGroup group = em.find(ChatGroup.class, groupId);
        if (group == null || group.isDissolved()) {
            throw new MissingEntityException("group_not_found", "No such group.");
        }
        return group;
    }

    /** The caller's membership, or null. */
    GroupMember membership(long groupId, long accountId) {
        return em.createNamedQuery(GroupMember.ONE, GroupMember.class)
                .setParameter("group", groupId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    List<GroupMember> memberRows(long groupId) {
        return em.createNamedQuery(GroupMember.OF_GROUP, GroupMember.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    GroupMember existingMember(long groupId, long userId) {
        GroupMember member = membership(groupId, userId);
        if (member == null) {
            throw new MissingEntityException("member_not_found", "Not a member of this group.");
        }
        return member;
    }

    /** Two managers changing the group at once: the second one gets a conflict, not a lost update. */
    void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new DuplicateEntityException(
                    "concurrent_change", null, "Someone else changed this at the same time.");
        }
    }

    /** Every member's account id, read as ids (not entities: a group may have thousands). */
    Set<Long> memberIds(long groupId) {
        return new LinkedHashSet<>(em.createNamedQuery(GroupMember.IDS, Long.class)
                .setParameter("group", groupId)
                .getResultList());
    }

    /** The owner's and the admins' account ids. */
    List<Long> managerIds(long groupId) {
        return em.createNamedQuery(GroupMember.MANAGER_IDS, Long.class)
                .setParameter("group", groupId)
                .setParameter("member", GroupRole.MEMBER)
                .getResultList();
    }

    /**
     * Up to {@code size} members after account id {@code after}, in account id order: all of them,
     * those whose names contain {@code text} (lower case, or null), or only the bots.
     */
    List<GroupMember> memberPage(long groupId, long after, int size, String text, boolean botsOnly) {
        var query = botsOnly
                ? em.createNamedQuery(GroupMember.PAGE_BOTS, GroupMember.class)
                : text == null
                        ? em.createNamedQuery(GroupMember.PAGE, GroupMember.class)
                        : em.createNamedQuery(GroupMember.PAGE_MATCHING, GroupMember.class)
                                .setParameter("pattern", LikePattern.containing(text));
        return query.setParameter("group", groupId)
                .setParameter("after", after)
                .setMaxResults(size)
                .getResultList();
    }

    /** Refuses unless the other person exists and is a friend (groups are made and grown among friends). */
    void requireFriend(long me, long other) {
        accounts.publicProfile(other);
        if (!friendships.areFriends(me, other)) {
            throw new AccessDeniedException("not_friend", "You can only add your friends.");
        }
    }
}

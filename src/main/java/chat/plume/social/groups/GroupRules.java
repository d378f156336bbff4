package chat.plume.social.groups;

import chat.plume.platform.error.AccessDeniedException;

/**
 * Who may do what in a group, in one place (the table in docs/authorization.md). Each check
 * refuses with 403 and a code that says why.
 */
final class GroupRules {

    private GroupRules() {}

    static GroupMember requireMember(GroupMember membership) {
        if (membership == null) {
            throw new AccessDeniedException("not_member", "You are not a member of this group.");
        }
        return membership;
    }

    /** Owner or admin: profile, announcement, join requests, removing members. */
    static GroupMember requireManager(GroupMember membership) {
        if (!requireMember(membership).role().manages()) {
            throw new AccessDeniedException("not_admin", "Only the owner and admins can do this.");
        }
        return membership;
    }

    /** Owner only: roles, transfer, dissolve. */
    static GroupMember requireOwner(GroupMember membership) {
        if (requireMember(membership).role() != GroupRole.OWNER) {
            throw new AccessDeniedException("not_owner", "Only the owner can do this.");
        }
        return membership;
    }

    /** Admins remove members; the owner removes anyone; nobody removes themselves (that is leaving). */
    static void requireMayRemove(GroupMember actor, GroupMember target) {
        requireManager(actor);
        boolean allowed = actor.accountId() != target.accountId()
                && (actor.role() == GroupRole.OWNER || target.role() == GroupRole.MEMBER);
        if (!allowed) {
            throw new AccessDeniedException("cannot_remove", "You cannot remove this member.");
        }
    }

    /** Whether an invitation by this member joins the invitee at once, or waits for approval. */
    static boolean invitationJoinsDirectly(JoinPolicy policy, GroupRole inviter) {
        return policy == JoinPolicy.OPEN || inviter.manages();
    }
}

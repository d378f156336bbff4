package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import chat.plume.social.RequestStatus;
import chat.plume.social.friends.Friendships;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Joining and leaving chat groups: invitations, requests to join and their decisions (per the
 * group's join policy), leaving, and removing members. The member limit holds under concurrent
 * joins (the group row is locked from counting to inserting).
 */
@Stateless
public class GroupMemberships {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    @Inject
    Event<Push> push;

    @Inject
    Event<GroupActivity> activity;

    @Inject
    GroupLookup lookup;

    @Inject
    GroupChanges changes;

    @Inject
    GroupAnnouncements announcements;

    /**
     * Invites friends. Per the join policy an invitation joins the friend at once or waits for an
     * owner or admin; returns the pending requests it made (empty when everyone joined).
     */
    public List<GroupViews.JoinRequest> invite(Caller caller, long groupId, Collection<Long> userIds) {
        ChatGroup group = lookup.live(groupId);
        GroupMember inviter = GroupRules.requireMember(lookup.membership(groupId, caller.accountId()));
        List<GroupViews.JoinRequest> pending = new ArrayList<>();
        for (long invitee : new LinkedHashSet<>(userIds)) {
            lookup.requireFriend(caller.accountId(), invitee);
            if (lookup.membership(groupId, invitee) != null) {
                throw new DuplicateEntityException("already_member", "userIds", "Already a member.");
            }
            if (GroupRules.invitationJoinsDirectly(group.joinPolicy(), inviter.role())) {
                addMember(group, invitee, caller.accountId());
            } else {
                pending.add(openRequest(group, invitee, caller.accountId(), null));
            }
        }
        return pending;
    }

    /** Asks to join: an open group lets the caller in at once; an approval group files a request. */
    public GroupViews.JoinRequest requestToJoin(Caller caller, long groupId, String message) {
        caller.refuseBot();
        ChatGroup group = lookup.live(groupId);
        if (lookup.membership(groupId, caller.accountId()) != null) {
            throw new DuplicateEntityException("already_member", null, "You are already a member.");
        }
        switch (group.joinPolicy()) {
            case INVITE_ONLY ->
                throw new AccessDeniedException("invite_only", "This group takes members by invitation only.");
            case OPEN -> {
                addMember(group, caller.accountId(), null);
                return new GroupViews.JoinRequest(
                        0,
                        groupId,
                        group.name(),
                        accounts.publicProfile(caller.accountId()),
                        null,
                        message,
                        "accepted",
                        Timestamps.toInstant(Timestamps.now()));
            }
            default -> {
                return openRequest(group, caller.accountId(), null, message);
            }
        }
    }

    /** A page of the group's pending requests, by id (the order they were made, on one node), after request {@code after}. */
    public List<GroupViews.JoinRequest> pendingRequests(Caller caller, long groupId, long after, int limit) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, caller.accountId()));
        List<GroupJoinRequest> pending = em.createNamedQuery(GroupJoinRequest.PENDING_OF_GROUP, GroupJoinRequest.class)
                .setParameter("group", groupId)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(pending.stream()
                .flatMap(r -> Stream.of(r.applicantId(), r.inviterId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return pending.stream()
                .map(r -> announcements.requestView(r, group, people))
                .toList();
    }

    public GroupViews.JoinRequest decide(Caller caller, long requestId, boolean accept) {
        GroupJoinRequest request = visibleRequest(caller, requestId);
        ChatGroup group = lookup.live(request.groupId());
        GroupRules.requireManager(lookup.membership(group.id(), caller.accountId()));
        requirePending(request);
        request.decide(accept ? RequestStatus.ACCEPTED : RequestStatus.DECLINED, caller.accountId(), Timestamps.now());
        lookup.flush();
        // Pushed in this order: the request's outcome, then the membership it brings.
        GroupViews.JoinRequest decided = announcements.announceRequest(request, group);
        if (accept) {
            addMember(group, request.applicantId(), request.inviterId());
        }
        return decided;
    }

    /** The applicant withdraws a request, or the inviter an invitation. */
    public void cancel(Caller caller, long requestId) {
        GroupJoinRequest request = visibleRequest(caller, requestId);
        long me = caller.accountId();
        if (request.applicantId() != me && (request.inviterId() == null || request.inviterId() != me)) {
            throw new AccessDeniedException("not_requester", "Only who asked or invited can cancel.");
        }
        requirePending(request);
        request.decide(RequestStatus.CANCELLED, me, Timestamps.now());
        lookup.flush();
        announcements.announceRequest(request, em.find(ChatGroup.class, request.groupId()));
    }

    public void leave(Caller caller, long groupId) {
        lookup.live(groupId);
        GroupMember me = GroupRules.requireMember(lookup.membership(groupId, caller.accountId()));
        if (me.role() == GroupRole.OWNER) {
            throw new AccessDeniedException("owner_cannot_leave", "Transfer the group or dissolve it first.");
        }
        Set<Long> audience = lookup.memberIds(groupId);
        em.remove(me);
        activity.fire(new GroupActivity(groupId, "left", caller.accountId(), null, null));
        push.fire(Push.to(
                audience, new GroupFrames.MemberChanged("group.member.left", groupId, caller.accountId(), null, null)));
    }

    public void remove(Caller caller, long groupId, long userId) {
        lookup.live(groupId);
        GroupMember actor = lookup.membership(groupId, caller.accountId());
        GroupMember target = lookup.membership(groupId, userId);
        GroupRules.requireManager(actor);
        if (target == null) {
            throw new MissingEntityException("member_not_found", "Not a member of this group.");
        }
        GroupRules.requireMayRemove(actor, target);
        changes.expel(target, caller.accountId(), false);
    }

    private void addMember(ChatGroup group, long accountId, Long by) {
        // Joins of one group take turns from here to the insert: counting and inserting without
        // the lock let concurrent joins each see room for one more and overfill the group.
        // Re-read under the lock rather than em.lock: the group is versioned, and locking a copy
        // read before a concurrent edit committed would fail as an optimistic conflict.
        em.refresh(group, LockModeType.PESSIMISTIC_WRITE);
        if (lookup.membership(group.id(), accountId) != null) {
            throw new DuplicateEntityException("already_member", null, "Already a member.");
        }
        long count = em.createNamedQuery(GroupMember.COUNT, Long.class)
                .setParameter("group", group.id())
                .getSingleResult();
        if (count >= group.memberLimit()) {
            throw new DuplicateEntityException(
                    "group_full", null, "The group is full (" + group.memberLimit() + " members).");
        }
        GroupMember member = new GroupMember(group.id(), accountId, GroupRole.MEMBER, Timestamps.now());
        try {
            em.persist(member);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new DuplicateEntityException("already_member", null, "Already a member.");
        }
        activity.fire(new GroupActivity(group.id(), "joined", accountId, by, null));
        // A pending request of the new member is fulfilled by joining.
        em.createNamedQuery(GroupJoinRequest.PENDING_FOR, GroupJoinRequest.class)
                .setParameter("key", GroupJoinRequest.keyOf(group.id(), accountId))
                .getResultStream()
                .forEach(r -> r.decide(RequestStatus.ACCEPTED, by, Timestamps.now()));
        announcements.announceMember("group.member.joined", member, by);
        // The newcomer also learns about the group itself.
        push.fire(Push.to(
                accountId, new GroupFrames.GroupChanged("group.updated", announcements.view(group, accountId))));
    }

    private GroupViews.JoinRequest openRequest(ChatGroup group, long applicant, Long inviter, String message) {
        GroupJoinRequest request = new GroupJoinRequest(
                group.id(),
                applicant,
                inviter,
                message == null || message.isBlank() ? null : message.strip(),
                Timestamps.now());
        try {
            em.persist(request);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new DuplicateEntityException("request_pending", null, "A request to join is already waiting.");
        }
        return announcements.announceRequest(request, group);
    }

    private GroupJoinRequest visibleRequest(Caller caller, long requestId) {
        GroupJoinRequest request = em.find(GroupJoinRequest.class, requestId);
        long me = caller.accountId();
        if (request != null
                && (request.applicantId() == me
                        || (request.inviterId() != null && request.inviterId() == me)
                        || lookup.membership(request.groupId(), me) != null)) {
            return request;
        }
        throw new MissingEntityException("request_not_found", "No such join request.");
    }

    private static void requirePending(GroupJoinRequest request) {
        if (!request.isPending()) {
            throw new DuplicateEntityException("request_not_pending", null, "This request has already been answered.");
        }
    }

    /** How many groups an account is in (for the admin console). */
    public long countOf(long accountId) {
        return em.createQuery("select count(m) from GroupMember m where m.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }
}

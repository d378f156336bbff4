package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Constraints;
import chat.plume.platform.LikePattern;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.PresenceDirectory;
import chat.plume.platform.events.Push;
import chat.plume.social.RequestStatus;
import chat.plume.social.SocialSettings;
import chat.plume.social.friends.Friendships;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chat groups: creating, finding, describing, joining (by request or invitation, per the join
 * policy), managing members and roles, transferring and dissolving. Every change is pushed to
 * the members it concerns after commit. Authorization: {@link GroupRules}.
 */
@Stateless
public class ChatGroups {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    @Inject
    PresenceDirectory presence;

    @Inject
    SocialSettings settings;

    @Inject
    Event<Push> push;

    @Inject
    Event<GroupActivity> activity;

    /** Creates a group owned by the caller, with friends of the caller as its first members. */
    public GroupViews.Group create(
            Caller caller, String name, String description, JoinPolicy policy, Collection<Long> memberIds) {
        Set<Long> members = new LinkedHashSet<>(memberIds);
        members.remove(caller.accountId());
        if (members.size() + 1 > settings.groupMemberLimit()) {
            throw new DuplicateEntityException(
                    "group_full", "memberIds", "A group has at most " + settings.groupMemberLimit() + " members.");
        }
        for (long member : members) {
            requireFriend(caller.accountId(), member);
        }
        long number = freeNumber();
        ChatGroup group = new ChatGroup(
                number,
                name,
                description,
                policy == null ? JoinPolicy.APPROVAL : policy,
                settings.groupMemberLimit(),
                caller.accountId(),
                Timestamps.now());
        em.persist(group);
        em.flush();
        em.persist(new GroupMember(group.id(), caller.accountId(), GroupRole.OWNER, Timestamps.now()));
        for (long member : members) {
            em.persist(new GroupMember(group.id(), member, GroupRole.MEMBER, Timestamps.now()));
        }
        em.flush();
        activity.fire(new GroupActivity(group.id(), "created", caller.accountId(), null, group.name()));
        announceGroup("group.created", group);
        return view(group, caller.accountId());
    }

    /** The caller's groups, most recently joined first. */
    /** Groups per page of {@link #mine} when the client does not say, and at most. */
    public static final int DEFAULT_PAGE = 100;

    public static final int MAX_PAGE = 200;

    /**
     * A page of the caller's groups, by id, after the group {@code afterId} (0 for the first
     * page): three queries whatever the page's length (groups, member counts, own memberships).
     */
    public List<GroupViews.Group> mine(Caller caller, long afterId, int limit) {
        List<ChatGroup> page = em.createQuery(
                        "select g from ChatGroup g, GroupMember m where m.groupId = g.id and m.accountId = :me"
                                + " and g.dissolvedAt is null and g.id > :after order by g.id",
                        ChatGroup.class)
                .setParameter("me", caller.accountId())
                .setParameter("after", afterId)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList();
        return views(page, caller.accountId());
    }

    /** Names and avatars of several groups in one query (dissolved ones included: history keeps them). */
    public Map<Long, GroupViews.Ref> refs(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select g from ChatGroup g where g.id in :ids", ChatGroup.class)
                .setParameter("ids", Set.copyOf(groupIds))
                .getResultStream()
                .collect(Collectors.toMap(
                        ChatGroup::id, g -> new GroupViews.Ref(g.id(), g.number(), g.name(), g.avatarMediaId())));
    }

    /** A group by id: members see everything, others the public card. */
    public GroupViews.Group get(Caller caller, long groupId) {
        return get(caller.accountId(), groupId);
    }

    /** A group as one person sees it (for other features that show groups). */
    public GroupViews.Group get(long viewer, long groupId) {
        return view(live(groupId), viewer);
    }

    /** Refuses unless the group exists and the person is its owner or an admin. */
    public void requireMayManage(long groupId, long accountId) {
        live(groupId);
        GroupRules.requireManager(membership(groupId, accountId));
    }

    /** Makes an uploaded image the group's avatar (owner, admins); members see the change. */
    public GroupViews.Group setAvatar(Caller caller, long groupId, long mediaId) {
        ChatGroup group = live(groupId);
        GroupRules.requireManager(membership(groupId, caller.accountId()));
        group.setAvatar(mediaId);
        flush();
        announceGroup("group.updated", group);
        return view(group, caller.accountId());
    }

    /** The group's avatar image id, or null (any signed-in user may see a group's card). */
    public Long avatarOf(long groupId) {
        return live(groupId).avatarMediaId();
    }

    /** Refuses unless the group exists and the person is a member. */
    public void requireMaySee(long groupId, long accountId) {
        live(groupId);
        GroupRules.requireMember(membership(groupId, accountId));
    }

    /** Groups by exact number or by name. */
    public GroupViews.SearchPage search(Caller caller, String query, int page, int size) {
        String q = query.strip();
        long number = q.matches("\\d{1,18}") ? Long.parseLong(q) : -1;
        String pattern = LikePattern.containing(q);
        List<ChatGroup> found = em.createNamedQuery(ChatGroup.SEARCH, ChatGroup.class)
                .setParameter("number", number)
                .setParameter("pattern", pattern)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        return new GroupViews.SearchPage(views(found, caller.accountId()), page, size);
    }

    public GroupViews.Group describe(Caller caller, long groupId, String name, String description, JoinPolicy policy) {
        ChatGroup group = live(groupId);
        GroupRules.requireManager(membership(groupId, caller.accountId()));
        boolean renamed = !group.name().equals(name);
        group.describe(name, description, policy == null ? group.joinPolicy() : policy);
        flush();
        if (renamed) {
            activity.fire(new GroupActivity(groupId, "renamed", caller.accountId(), null, name));
        }
        announceGroup("group.updated", group);
        return view(group, caller.accountId());
    }

    public GroupViews.Group announce(Caller caller, long groupId, String text) {
        ChatGroup group = live(groupId);
        GroupRules.requireManager(membership(groupId, caller.accountId()));
        group.announce(text == null || text.isBlank() ? null : text.strip(), Timestamps.now());
        flush();
        announceGroup("group.announcement", group);
        return view(group, caller.accountId());
    }

    public List<GroupViews.Member> members(Caller caller, long groupId) {
        live(groupId);
        GroupRules.requireMember(membership(groupId, caller.accountId()));
        List<GroupMember> members = memberRows(groupId);
        Map<Long, PublicProfile> people = accounts.publicProfiles(
                members.stream().map(GroupMember::accountId).toList());
        return members.stream()
                .filter(m -> people.containsKey(m.accountId()))
                .map(m -> memberView(m, people.get(m.accountId())))
                .toList();
    }

    /** Sets the caller's own group nickname (群昵称); empty clears it. */
    public GroupViews.Member setNickname(Caller caller, long groupId, String nickname) {
        live(groupId);
        GroupMember me = GroupRules.requireMember(membership(groupId, caller.accountId()));
        me.setNickname(nickname == null || nickname.isBlank() ? null : nickname.strip());
        return announceMember("group.member.updated", me, null);
    }

    /**
     * Invites friends. Per the join policy an invitation joins the friend at once or waits for an
     * owner or admin; returns the pending requests it made (empty when everyone joined).
     */
    public List<GroupViews.JoinRequest> invite(Caller caller, long groupId, Collection<Long> userIds) {
        ChatGroup group = live(groupId);
        GroupMember inviter = GroupRules.requireMember(membership(groupId, caller.accountId()));
        List<GroupViews.JoinRequest> pending = new ArrayList<>();
        for (long invitee : new LinkedHashSet<>(userIds)) {
            requireFriend(caller.accountId(), invitee);
            if (membership(groupId, invitee) != null) {
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
        ChatGroup group = live(groupId);
        if (membership(groupId, caller.accountId()) != null) {
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

    public List<GroupViews.JoinRequest> pendingRequests(Caller caller, long groupId) {
        ChatGroup group = live(groupId);
        GroupRules.requireManager(membership(groupId, caller.accountId()));
        List<GroupJoinRequest> pending = em.createNamedQuery(GroupJoinRequest.PENDING_OF_GROUP, GroupJoinRequest.class)
                .setParameter("group", groupId)
                .getResultList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(pending.stream()
                .flatMap(r -> Stream.of(r.applicantId(), r.inviterId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return pending.stream().map(r -> requestView(r, group, people)).toList();
    }

    public GroupViews.JoinRequest decide(Caller caller, long requestId, boolean accept) {
        GroupJoinRequest request = visibleRequest(caller, requestId);
        ChatGroup group = live(request.groupId());
        GroupRules.requireManager(membership(group.id(), caller.accountId()));
        requirePending(request);
        request.decide(accept ? RequestStatus.ACCEPTED : RequestStatus.DECLINED, caller.accountId(), Timestamps.now());
        flush();
        // Pushed in this order: the request's outcome, then the membership it brings.
        GroupViews.JoinRequest decided = announceRequest(request, group);
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
        flush();
        announceRequest(request, em.find(ChatGroup.class, request.groupId()));
    }

    public void leave(Caller caller, long groupId) {
        live(groupId);
        GroupMember me = GroupRules.requireMember(membership(groupId, caller.accountId()));
        if (me.role() == GroupRole.OWNER) {
            throw new AccessDeniedException("owner_cannot_leave", "Transfer the group or dissolve it first.");
        }
        Set<Long> audience = memberIds(groupId);
        em.remove(me);
        activity.fire(new GroupActivity(groupId, "left", caller.accountId(), null, null));
        push.fire(Push.to(
                audience, new GroupFrames.MemberChanged("group.member.left", groupId, caller.accountId(), null, null)));
    }

    public void remove(Caller caller, long groupId, long userId) {
        live(groupId);
        GroupMember actor = membership(groupId, caller.accountId());
        GroupMember target = membership(groupId, userId);
        GroupRules.requireManager(actor);
        if (target == null) {
            throw new MissingEntityException("member_not_found", "Not a member of this group.");
        }
        GroupRules.requireMayRemove(actor, target);
        Set<Long> audience = memberIds(groupId);
        em.remove(target);
        activity.fire(new GroupActivity(groupId, "removed", userId, caller.accountId(), null));
        push.fire(Push.to(
                audience,
                new GroupFrames.MemberChanged("group.member.removed", groupId, userId, null, caller.accountId())));
    }

    /** Promotes a member to admin or demotes an admin (owner only). */
    public GroupViews.Member setRole(Caller caller, long groupId, long userId, GroupRole role) {
        live(groupId);
        GroupRules.requireOwner(membership(groupId, caller.accountId()));
        if (role == GroupRole.OWNER) {
            throw new InvalidInputException("use_transfer", "role", "Transfer the group to make someone its owner.");
        }
        GroupMember target = existingMember(groupId, userId);
        if (target.role() == GroupRole.OWNER) {
            throw new AccessDeniedException("cannot_change_owner", "Transfer the group to change its owner.");
        }
        target.setRole(role);
        return announceMember("group.member.updated", target, caller.accountId());
    }

    /** Hands the group to another member; the old owner stays as an admin. */
    public GroupViews.Group transfer(Caller caller, long groupId, long userId) {
        ChatGroup group = live(groupId);
        GroupMember owner = GroupRules.requireOwner(membership(groupId, caller.accountId()));
        GroupMember heir = existingMember(groupId, userId);
        if (heir.accountId() == owner.accountId()) {
            throw new InvalidInputException("already_owner", "userId", "You already own this group.");
        }
        owner.setRole(GroupRole.ADMIN);
        heir.setRole(GroupRole.OWNER);
        group.transferTo(userId);
        flush();
        announceMember("group.member.updated", owner, caller.accountId());
        announceMember("group.member.updated", heir, caller.accountId());
        announceGroup("group.updated", group);
        return view(group, caller.accountId());
    }

    /** Ends the group (owner only): everyone is told, memberships and pending requests end. */
    public void dissolve(Caller caller, long groupId) {
        ChatGroup group = live(groupId);
        GroupRules.requireOwner(membership(groupId, caller.accountId()));
        Set<Long> audience = memberIds(groupId);
        em.createNamedQuery(GroupJoinRequest.PENDING_OF_GROUP, GroupJoinRequest.class)
                .setParameter("group", groupId)
                .getResultList()
                .forEach(r -> r.decide(RequestStatus.CANCELLED, caller.accountId(), Timestamps.now()));
        em.createNamedQuery(GroupMember.REMOVE_ALL)
                .setParameter("group", groupId)
                .executeUpdate();
        group.dissolve(Timestamps.now());
        flush();
        activity.fire(new GroupActivity(groupId, "dissolved", caller.accountId(), null, group.name()));
        push.fire(Push.to(audience, new GroupFrames.Dissolved(groupId, group.name())));
    }

    /** The members' ids, for features that deliver to a group (messaging). */
    public Set<Long> memberIds(long groupId) {
        Set<Long> ids = new LinkedHashSet<>();
        memberRows(groupId).forEach(m -> ids.add(m.accountId()));
        return ids;
    }

    /** The caller's membership, or null. */
    public GroupMember membership(long groupId, long accountId) {
        return em.createNamedQuery(GroupMember.ONE, GroupMember.class)
                .setParameter("group", groupId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** Nine random digits not taken yet (a collision is one in millions; the unique key backs it). */
    private long freeNumber() {
        while (true) {
            long candidate = 100_000_000L + RANDOM.nextInt(900_000_000);
            boolean taken = !em.createNamedQuery(ChatGroup.BY_NUMBER, ChatGroup.class)
                    .setParameter("number", candidate)
                    .getResultList()
                    .isEmpty();
            if (!taken) {
                return candidate;
            }
        }
    }

    private void addMember(ChatGroup group, long accountId, Long by) {
        // Joins of one group take turns from here to the insert: counting and inserting without
        // the lock let concurrent joins each see room for one more and overfill the group.
        em.lock(group, LockModeType.PESSIMISTIC_WRITE);
        if (membership(group.id(), accountId) != null) {
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
        announceMember("group.member.joined", member, by);
        // The newcomer also learns about the group itself.
        push.fire(Push.to(accountId, new GroupFrames.GroupChanged("group.updated", view(group, accountId))));
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
        return announceRequest(request, group);
    }

    private GroupJoinRequest visibleRequest(Caller caller, long requestId) {
        GroupJoinRequest request = em.find(GroupJoinRequest.class, requestId);
        long me = caller.accountId();
        if (request != null
                && (request.applicantId() == me
                        || (request.inviterId() != null && request.inviterId() == me)
                        || membership(request.groupId(), me) != null)) {
            return request;
        }
        throw new MissingEntityException("request_not_found", "No such join request.");
    }

    private static void requirePending(GroupJoinRequest request) {
        if (!request.isPending()) {
            throw new DuplicateEntityException("request_not_pending", null, "This request has already been answered.");
        }
    }

    private void requireFriend(long me, long other) {
        accounts.publicProfile(other);
        if (!friendships.areFriends(me, other)) {
            throw new AccessDeniedException("not_friend", "You can only add your friends.");
        }
    }

    private GroupMember existingMember(long groupId, long userId) {
        GroupMember member = membership(groupId, userId);
        if (member == null) {
            throw new MissingEntityException("member_not_found", "Not a member of this group.");
        }
        return member;
    }

    private ChatGroup live(long groupId) {
        ChatGroup group = em.find(ChatGroup.class, groupId);
        if (group == null || group.isDissolved()) {
            throw new MissingEntityException("group_not_found", "No such group.");
        }
        return group;
    }

    private List<GroupMember> memberRows(long groupId) {
        return em.createNamedQuery(GroupMember.OF_GROUP, GroupMember.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    /** Two managers changing the group at once: the second one gets a conflict, not a lost update. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new DuplicateEntityException(
                    "concurrent_change", null, "Someone else changed this at the same time.");
        }
    }

    /** Each member gets the group as they see it (their own role and nickname). */
    private void announceGroup(String type, ChatGroup group) {
        List<GroupMember> members = memberRows(group.id());
        for (GroupMember member : members) {
            push.fire(Push.to(
                    member.accountId(), new GroupFrames.GroupChanged(type, view(group, members.size(), member))));
        }
    }

    private GroupViews.Member announceMember(String type, GroupMember member, Long by) {
        GroupViews.Member view = memberView(member, accounts.publicProfile(member.accountId()));
        push.fire(Push.to(
                memberIds(member.groupId()),
                new GroupFrames.MemberChanged(type, member.groupId(), member.accountId(), view, by)));
        return view;
    }

    private GroupViews.JoinRequest announceRequest(GroupJoinRequest request, ChatGroup group) {
        GroupViews.JoinRequest view = requestView(request, group);
        Set<Long> audience = new LinkedHashSet<>();
        memberRows(group.id()).stream().filter(m -> m.role().manages()).forEach(m -> audience.add(m.accountId()));
        audience.add(request.applicantId());
        if (request.inviterId() != null) {
            audience.add(request.inviterId());
        }
        push.fire(Push.to(audience, new GroupFrames.JoinRequestChanged("group.join_request." + view.status(), view)));
        return view;
    }

    private GroupViews.JoinRequest requestView(GroupJoinRequest r, ChatGroup group) {
        return requestView(
                r,
                group,
                accounts.publicProfiles(Stream.of(r.applicantId(), r.inviterId())
                        .filter(Objects::nonNull)
                        .toList()));
    }

    private GroupViews.JoinRequest requestView(GroupJoinRequest r, ChatGroup group, Map<Long, PublicProfile> people) {
        String status = r.status() == RequestStatus.PENDING
                ? "created"
                : r.status().name().toLowerCase(Locale.ROOT);
        return new GroupViews.JoinRequest(
                r.id(),
                group.id(),
                group.name(),
                people.get(r.applicantId()),
                r.inviterId() == null ? null : people.get(r.inviterId()),
                r.message(),
                status,
                Timestamps.toInstant(r.createdAt()));
    }

    private GroupViews.Member memberView(GroupMember m, PublicProfile profile) {
        return new GroupViews.Member(
                profile,
                m.role().name().toLowerCase(Locale.ROOT),
                m.nickname(),
                presence.isOnline(m.accountId()),
                Timestamps.toInstant(m.joinedAt()),
                future(m.mutedUntil()));
    }

    /** Views of several groups for one viewer: two queries (member counts, the viewer's memberships). */
    private List<GroupViews.Group> views(List<ChatGroup> groups, long viewer) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Long> ids = groups.stream().map(ChatGroup::id).toList();
        Map<Long, Long> counts = em.createQuery(
                        "select m.groupId, count(m) from GroupMember m where m.groupId in :ids group by m.groupId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
        Map<Long, GroupMember> mine = em.createQuery(
                        "select m from GroupMember m where m.groupId in :ids and m.accountId = :me", GroupMember.class)
                .setParameter("ids", ids)
                .setParameter("me", viewer)
                .getResultStream()
                .collect(Collectors.toMap(GroupMember::groupId, m -> m));
        return groups.stream()
                .map(g -> view(g, counts.getOrDefault(g.id(), 0L), mine.get(g.id())))
                .toList();
    }

    private GroupViews.Group view(ChatGroup g, long viewer) {
        long count = em.createNamedQuery(GroupMember.COUNT, Long.class)
                .setParameter("group", g.id())
                .getSingleResult();
        return view(g, count, membership(g.id(), viewer));
    }

    /** The group as seen by one viewer: {@code mine} is their membership, or null for an outsider. */
    private static GroupViews.Group view(ChatGroup g, long count, GroupMember mine) {
        boolean member = mine != null;
        return new GroupViews.Group(
                g.id(),
                g.number(),
                g.name(),
                g.description(),
                member ? g.announcement() : null,
                member ? Timestamps.toInstant(g.announcementUpdatedAt()) : null,
                g.joinPolicy().name().toLowerCase(Locale.ROOT),
                count,
                g.memberLimit(),
                g.ownerId(),
                member ? mine.role().name().toLowerCase(Locale.ROOT) : null,
                member ? mine.nickname() : null,
                Timestamps.toInstant(g.createdAt()),
                member ? future(g.allMutedUntil()) : null,
                g.avatarMediaId());
    }

    /** A mute that has already run out is no mute: shown as absent. */
    private static Instant future(LocalDateTime until) {
        return until != null && until.isAfter(Timestamps.now()) ? Timestamps.toInstant(until) : null;
    }

    /**
     * Silences the whole group (everyone but the owner and admins) for some minutes; 0 lifts it
     * (owner, admins).
     */
    public GroupViews.Group muteAll(Caller caller, long groupId, int minutes) {
        ChatGroup group = live(groupId);
        GroupRules.requireManager(membership(groupId, caller.accountId()));
        group.muteAllUntil(minutes == 0 ? null : Timestamps.now().plusMinutes(minutes));
        flush();
        announceGroup("group.updated", group);
        return view(group, caller.accountId());
    }

    /** Silences one member for some minutes; 0 lifts it. Admins mute members; the owner anyone. */
    public GroupViews.Member muteMember(Caller caller, long groupId, long userId, int minutes) {
        live(groupId);
        GroupMember actor = membership(groupId, caller.accountId());
        GroupMember target = existingMember(groupId, userId);
        GroupRules.requireMayRemove(actor, target);
        target.muteUntil(minutes == 0 ? null : Timestamps.now().plusMinutes(minutes));
        return announceMember("group.member.updated", target, caller.accountId());
    }

    /** Refuses with 403 {@code muted} when this member may not speak in the group right now. */
    public void requireMaySpeak(long groupId, long accountId) {
        Optional<PlumeException> refusal = speakingRefusal(groupId, accountId);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /**
     * Why someone may not write in a group now, if they may not: the refusal is returned, not
     * thrown, so that a caller checking many sends in one transaction (the message writer's batch)
     * can refuse one without the container marking the whole transaction for rollback, which a
     * business exception crossing this boundary does.
     */
    public Optional<PlumeException> speakingRefusal(long groupId, long accountId) {
        ChatGroup group = em.find(ChatGroup.class, groupId);
        if (group == null || group.isDissolved()) {
            return Optional.of(new MissingEntityException("group_not_found", "No such group."));
        }
        GroupMember member = membership(groupId, accountId);
        if (member == null) {
            return Optional.of(new AccessDeniedException("not_member", "You are not a member of this group."));
        }
        if (member.isSilencedAt(group, Timestamps.now())) {
            return Optional.of(new AccessDeniedException("muted", "You are muted in this group for now."));
        }
        return Optional.empty();
    }
}

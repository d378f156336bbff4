package chat.plume.social.groups;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.LikePattern;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import chat.plume.social.SocialSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chat groups: creating, finding, describing, transferring and dissolving them, and answering
 * other features' questions about them (who is in one, who may speak). Joining and leaving are
 * {@link GroupMemberships}'; roles, nicknames and mutes {@link GroupModeration}'s. Every change is
 * pushed to the members it concerns after commit. Authorization: {@link GroupRules}.
 */
@Stateless
public class ChatGroups {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SocialSettings settings;

    @Inject
    Event<Push> push;

    @Inject
    Event<GroupActivity> activity;

    @Inject
    GroupLookup lookup;

    @Inject
    GroupAnnouncements announcements;

    @Inject
    GroupChanges changes;
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
            lookup.requireFriend(caller.accountId(), member);
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
        announcements.announceGroup("group.created", group);
        return announcements.view(group, caller.accountId());
    }

    /** The most groups one page of {@link #mine} holds. */
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
        return announcements.views(page, caller.accountId());
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
        return announcements.view(lookup.live(groupId), viewer);
    }

    /** Refuses unless the group exists and the person is its owner or an admin. */
    public void requireMayManage(long groupId, long accountId) {
        lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, accountId));
    }

    /** Makes an uploaded image the group's avatar (owner, admins); members see the change. */
    public GroupViews.Group setAvatar(Caller caller, long groupId, long mediaId) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, caller.accountId()));
        group.setAvatar(mediaId);
        lookup.flush();
        announcements.announceGroup("group.updated", group);
        return announcements.view(group, caller.accountId());
    }

    /** The group's avatar image id, or null (any signed-in user may see a group's card). */
    public Long avatarOf(long groupId) {
        return lookup.live(groupId).avatarMediaId();
    }

    /** Refuses unless the group exists and the person is a member. */
    public void requireMaySee(long groupId, long accountId) {
        lookup.live(groupId);
        GroupRules.requireMember(lookup.membership(groupId, accountId));
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
        return new GroupViews.SearchPage(announcements.views(found, caller.accountId()), page, size);
    }

    public GroupViews.Group describe(Caller caller, long groupId, String name, String description, JoinPolicy policy) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, caller.accountId()));
        boolean renamed = !group.name().equals(name);
        group.describe(name, description, policy == null ? group.joinPolicy() : policy);
        lookup.flush();
        if (renamed) {
            activity.fire(new GroupActivity(groupId, "renamed", caller.accountId(), null, name));
        }
        announcements.announceGroup("group.updated", group);
        return announcements.view(group, caller.accountId());
    }

    public GroupViews.Group announce(Caller caller, long groupId, String text) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireManager(lookup.membership(groupId, caller.accountId()));
        group.announce(text == null || text.isBlank() ? null : text.strip(), Timestamps.now());
        lookup.flush();
        announcements.announceGroup("group.announcement", group);
        return announcements.view(group, caller.accountId());
    }

    /** Hands the group to another member; the old owner stays as an admin. */
    public GroupViews.Group transfer(Caller caller, long groupId, long userId) {
        ChatGroup group = lookup.live(groupId);
        GroupMember owner = GroupRules.requireOwner(lookup.membership(groupId, caller.accountId()));
        changes.handOver(group, owner, userId, caller.accountId());
        return announcements.view(group, caller.accountId());
    }

    /** Ends the group (owner only): everyone is told, memberships and pending requests end. */
    public void dissolve(Caller caller, long groupId) {
        ChatGroup group = lookup.live(groupId);
        GroupRules.requireOwner(lookup.membership(groupId, caller.accountId()));
        changes.end(group, caller.accountId(), null);
    }

    /** The members' ids, for features that deliver to a group (messaging). */
    public Set<Long> memberIds(long groupId) {
        return lookup.memberIds(groupId);
    }

    /** Someone's membership, or null. */
    public GroupMember membership(long groupId, long accountId) {
        return lookup.membership(groupId, accountId);
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
        GroupMember member = lookup.membership(groupId, accountId);
        if (member == null) {
            return Optional.of(new AccessDeniedException("not_member", "You are not a member of this group."));
        }
        if (member.isSilencedAt(group, Timestamps.now())) {
            return Optional.of(new AccessDeniedException("muted", "You are muted in this group for now."));
        }
        return Optional.empty();
    }
}

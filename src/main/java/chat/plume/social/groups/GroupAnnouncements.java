package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.events.PresenceDirectory;
import chat.plume.platform.events.Push;
import chat.plume.social.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the groups API and frames show, and the pushes that tell members about a change: each
 * member gets the group as they see it. Views of many groups cost a constant number of queries.
 */
@ApplicationScoped
public class GroupAnnouncements {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    PresenceDirectory presence;

    @Inject
    Event<Push> push;

    @Inject
    GroupLookup lookup;

    /**
     * Each member gets the group as they see it (their own role and nickname). Members who see it
     * alike share one frame, encoded once: in a group of 10,000 nearly everyone is a plain member
     * without a nickname, so an update is a handful of frames, not one per member.
     */
    void announceGroup(String type, ChatGroup group) {
        List<GroupMember> members = lookup.memberRows(group.id());
        Map<List<Object>, List<GroupMember>> alike = members.stream()
                .collect(Collectors.groupingBy(
                        m -> Arrays.asList(m.role(), m.nickname()), LinkedHashMap::new, Collectors.toList()));
        for (List<GroupMember> same : alike.values()) {
            push.fire(Push.to(
                    same.stream().map(GroupMember::accountId).toList(),
                    new GroupFrames.GroupChanged(type, view(group, members.size(), same.get(0)))));
        }
    }

    GroupViews.Member announceMember(String type, GroupMember member, Long by) {
        GroupViews.Member view = memberView(member, accounts.publicProfile(member.accountId()));
        push.fire(Push.to(
                lookup.memberIds(member.groupId()),
                new GroupFrames.MemberChanged(type, member.groupId(), member.accountId(), view, by)));
        return view;
    }

    GroupViews.JoinRequest announceRequest(GroupJoinRequest request, ChatGroup group) {
        GroupViews.JoinRequest view = requestView(request, group);
        Set<Long> audience = new LinkedHashSet<>(lookup.managerIds(group.id()));
        audience.add(request.applicantId());
        if (request.inviterId() != null) {
            audience.add(request.inviterId());
        }
        push.fire(Push.to(audience, new GroupFrames.JoinRequestChanged("group.join_request." + view.status(), view)));
        return view;
    }

    GroupViews.JoinRequest requestView(GroupJoinRequest r, ChatGroup group) {
        return requestView(
                r,
                group,
                accounts.publicProfiles(Stream.of(r.applicantId(), r.inviterId())
                        .filter(Objects::nonNull)
                        .toList()));
    }

    GroupViews.JoinRequest requestView(GroupJoinRequest r, ChatGroup group, Map<Long, PublicProfile> people) {
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

    GroupViews.Member memberView(GroupMember m, PublicProfile profile) {
        return new GroupViews.Member(
                profile,
                m.role().name().toLowerCase(Locale.ROOT),
                m.nickname(),
                presence.isOnline(m.accountId()),
                Timestamps.toInstant(m.joinedAt()),
                future(m.mutedUntil()));
    }

    /** Views of several groups for one viewer: two queries (member counts, the viewer's memberships). */
    List<GroupViews.Group> views(List<ChatGroup> groups, long viewer) {
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

    GroupViews.Group view(ChatGroup g, long viewer) {
        long count = em.createNamedQuery(GroupMember.COUNT, Long.class)
                .setParameter("group", g.id())
                .getSingleResult();
        return view(g, count, lookup.membership(g.id(), viewer));
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
}

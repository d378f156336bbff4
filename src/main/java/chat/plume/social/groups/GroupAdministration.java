package chat.plume.social.groups;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.LikePattern;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.rest.ResultPage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Groups as Plume's administrators see and act on them, from outside (an administrator is not a
 * member): every group, a group's members, and dissolve, transfer, mute all and remove a member —
 * the same changes an owner makes, announced to the members the same way, the notices saying an
 * administrator did it. The actions run in the caller's transaction ({@code admin.groups} holds
 * the audit lock and writes the audit row in it).
 */
@Stateless
public class GroupAdministration {

    /** Members shown on a group's page (a group holds at most its member limit). */
    public static final int MEMBERS_SHOWN = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    GroupLookup lookup;

    @Inject
    GroupAnnouncements announcements;

    @Inject
    GroupChanges changes;

    @Inject
    Accounts accounts;

    /** A group in the console's list. */
    public record Summary(
            long id,
            long number,
            String name,
            long ownerId,
            String ownerName,
            long members,
            int memberLimit,
            Instant createdAt,
            Instant allMutedUntil,
            Instant dissolvedAt) {}

    /** A group's page: the summary, its texts and its members (owner and admins first). */
    public record Detail(Summary group, String description, String announcement, List<GroupViews.Member> members) {}

    /**
     * Groups whose name contains the query, or whose number or id it is; all groups when it is
     * empty. Newest first; dissolved ones too when asked. Three queries whatever the page.
     */
    public ResultPage<Summary> search(String query, boolean withDissolved, int page, int size) {
        String q = query.strip();
        long number = q.matches("\\d{1,18}") ? Long.parseLong(q) : -1;
        // Conditions written in only when they apply: portable, and each shape a plain indexed query.
        List<String> conditions = new ArrayList<>();
        if (!withDissolved) {
            conditions.add("g.dissolvedAt is null");
        }
        if (!q.isEmpty()) {
            conditions.add("(g.id = :number or g.number = :number or lower(g.name) like :pattern escape '!')");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<ChatGroup> select =
                em.createQuery("select g from ChatGroup g" + where + " order by g.id desc", ChatGroup.class);
        TypedQuery<Long> count = em.createQuery("select count(g) from ChatGroup g" + where, Long.class);
        if (!q.isEmpty()) {
            String pattern = LikePattern.containing(q.toLowerCase(Locale.ROOT));
            select.setParameter("number", number).setParameter("pattern", pattern);
            count.setParameter("number", number).setParameter("pattern", pattern);
        }
        List<ChatGroup> rows =
                select.setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = count.getSingleResult();
        return new ResultPage<>(summaries(rows), page, size, total);
    }

    public Detail detail(long groupId) {
        ChatGroup group = em.find(ChatGroup.class, groupId);
        if (group == null) {
            throw new MissingEntityException("group_not_found", "No such group.");
        }
        List<GroupMember> rows = em.createQuery(
                        "select m from GroupMember m where m.groupId = :group order by m.joinedAt", GroupMember.class)
                .setParameter("group", groupId)
                .setMaxResults(MEMBERS_SHOWN)
                .getResultStream()
                .sorted(Comparator.comparing(GroupMember::role))
                .toList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(
                rows.stream().map(GroupMember::accountId).toList());
        List<GroupViews.Member> members = rows.stream()
                .filter(m -> people.containsKey(m.accountId()))
                .map(m -> announcements.memberView(m, people.get(m.accountId())))
                .toList();
        return new Detail(summaries(List.of(group)).get(0), group.description(), group.announcement(), members);
    }

    /** Closes the group: members are told, with the reason, in the chat and live. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Summary dissolve(long adminId, long groupId, String reason) {
        ChatGroup group = locked(groupId);
        changes.end(group, adminId, reason);
        return summaries(List.of(group)).get(0);
    }

    /** Hands the group to one of its members (the old owner stays as an admin). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Summary transfer(long groupId, long heirId) {
        ChatGroup group = locked(groupId);
        GroupMember owner = lookup.existingMember(groupId, group.ownerId());
        // Not naming the administrator to the members.
        changes.handOver(group, owner, heirId, null);
        return summaries(List.of(group)).get(0);
    }

    /** Silences everyone but the owner and admins for some minutes; 0 lifts it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Summary muteAll(long groupId, int minutes) {
        ChatGroup group = locked(groupId);
        changes.silence(group, minutes);
        return summaries(List.of(group)).get(0);
    }

    /** Takes a member out; the owner cannot be (transfer the group first). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PublicProfile remove(long adminId, long groupId, long userId) {
        ChatGroup group = locked(groupId);
        GroupMember target = lookup.existingMember(groupId, userId);
        if (target.role() == GroupRole.OWNER) {
            throw new AccessDeniedException("cannot_remove_owner", "Transfer the group before removing its owner.");
        }
        PublicProfile removed = accounts.publicProfile(userId);
        changes.expel(target, adminId, true);
        announcements.announceGroup("group.updated", group);
        return removed;
    }

    /** The group, still there, locked against its owner's concurrent changes (and other administrators'). */
    private ChatGroup locked(long groupId) {
        ChatGroup group = lookup.live(groupId);
        em.refresh(group, LockModeType.PESSIMISTIC_WRITE);
        return group;
    }

    /** Summaries of several groups: one query for the member counts, one for the owners' names. */
    private List<Summary> summaries(List<ChatGroup> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ChatGroup::id).toList();
        Map<Long, Long> counts = em.createQuery(
                        "select m.groupId, count(m) from GroupMember m where m.groupId in :ids group by m.groupId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
        Map<Long, PublicProfile> owners = accounts.publicProfiles(
                rows.stream().map(ChatGroup::ownerId).distinct().toList());
        return rows.stream()
                .map(g -> {
                    PublicProfile owner = owners.get(g.ownerId());
                    return new Summary(
                            g.id(),
                            g.number(),
                            g.name(),
                            g.ownerId(),
                            owner == null ? null : owner.displayName() + " (@" + owner.username() + ")",
                            counts.getOrDefault(g.id(), 0L),
                            g.memberLimit(),
                            Timestamps.toInstant(g.createdAt()),
                            g.allMutedUntil() != null && g.allMutedUntil().isAfter(Timestamps.now())
                                    ? Timestamps.toInstant(g.allMutedUntil())
                                    : null,
                            Timestamps.toInstant(g.dissolvedAt()));
                })
                .toList();
    }
}

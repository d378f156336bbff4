package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupViews;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conversations a person sees, as pages: pinned first, then by most recent activity. A page
 * costs the same handful of queries whatever its length and whatever the person's number of
 * conversations: one for the page, then one each for the peers' profiles, their read positions,
 * the groups' names, the last messages and those messages' media. (It used to cost four or five
 * queries per conversation, and every sign-in listed all of them.)
 */
@Stateless
public class ConversationList {

    @Inject
    HiddenMessages hiddenMessages;

    /** Conversations per page when the client does not say. */
    public static final int DEFAULT_PAGE = 100;
    /** The most a client may ask for at once. */
    public static final int MAX_PAGE = 200;

    private static final String PAGE = "select m, c from ConversationMember m, Conversation c"
            + " where c.id = m.conversationId and m.accountId = :me";
    private static final String OLDER = "(coalesce(c.lastMessageAt, c.createdAt) < :at"
            + " or (coalesce(c.lastMessageAt, c.createdAt) = :at and c.id < :id))";
    /** After a pinned one: the older pinned ones, then every unpinned one. */
    private static final String AFTER_PINNED = " and (m.pinned = false or " + OLDER + ")";
    /** After an unpinned one: the older unpinned ones. */
    private static final String AFTER_UNPINNED = " and m.pinned = false and " + OLDER;

    private static final String ORDER =
            " order by m.pinned desc, coalesce(c.lastMessageAt, c.createdAt) desc, c.id desc";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    ChatGroups groups;

    @Inject
    MessageViews messages;

    /** One page of someone's conversations, and the cursor of the next one (null at the end). */
    public record Page(List<MessagingViews.Conversation> conversations, String next) {}

    public Page page(long me, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        TypedQuery<Object[]> query;
        if (cursor == null) {
            query = em.createQuery(PAGE + ORDER, Object[].class);
        } else {
            ConversationCursor after = ConversationCursor.decode(cursor);
            query = em.createQuery(PAGE + (after.pinned() ? AFTER_PINNED : AFTER_UNPINNED) + ORDER, Object[].class)
                    .setParameter("at", after.activityAt())
                    .setParameter("id", after.conversationId());
        }
        List<Object[]> rows =
                query.setParameter("me", me).setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        List<Object[]> shown = rows.subList(0, Math.min(size, rows.size()));
        List<MessagingViews.Conversation> views = views(
                me,
                shown.stream().map(r -> (ConversationMember) r[0]).toList(),
                shown.stream().map(r -> (Conversation) r[1]).toList());
        String next = more
                ? ConversationCursor.after((ConversationMember) shown.get(shown.size() - 1)[0], (Conversation)
                                shown.get(shown.size() - 1)[1])
                        .encode()
                : null;
        return new Page(views, next);
    }

    /** One conversation as its participant sees it. */
    public MessagingViews.Conversation one(ConversationMember mine, Conversation conversation) {
        return views(mine.accountId(), List.of(mine), List.of(conversation)).get(0);
    }

    /** The titles of conversations as someone sees them (a person's name, a group's name), by id. */
    public Map<Long, String> titles(long me, List<Conversation> conversations) {
        Map<Long, PublicProfile> people = accounts.publicProfiles(conversations.stream()
                .filter(c -> c.kind() == ConversationKind.DIRECT)
                .map(c -> c.peerOf(me))
                .toList());
        Map<Long, GroupViews.Ref> named = groups.refs(conversations.stream()
                .filter(c -> c.kind() == ConversationKind.GROUP)
                .map(Conversation::groupId)
                .toList());
        return conversations.stream().distinct().collect(Collectors.toMap(Conversation::id, c -> {
            if (c.kind() == ConversationKind.DIRECT) {
                PublicProfile peer = people.get(c.peerOf(me));
                return peer == null ? "" : peer.displayName();
            }
            GroupViews.Ref group = named.get(c.groupId());
            return group == null ? "" : group.name();
        }));
    }

    private List<MessagingViews.Conversation> views(
            long me, List<ConversationMember> memberships, List<Conversation> conversations) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        List<Long> peers = conversations.stream()
                .filter(c -> c.kind() == ConversationKind.DIRECT)
                .map(c -> c.peerOf(me))
                .toList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(peers);
        List<Long> directIds = conversations.stream()
                .filter(c -> c.kind() == ConversationKind.DIRECT)
                .map(Conversation::id)
                .toList();
        Map<Long, Long> peerReads = directIds.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "select m from ConversationMember m where m.conversationId in :ids"
                                        + " and m.accountId <> :me",
                                ConversationMember.class)
                        .setParameter("ids", directIds)
                        .setParameter("me", me)
                        .getResultStream()
                        .collect(Collectors.toMap(
                                ConversationMember::conversationId, ConversationMember::readSeq, (a, b) -> a));
        Map<Long, GroupViews.Ref> named = groups.refs(conversations.stream()
                .filter(c -> c.kind() == ConversationKind.GROUP)
                .map(Conversation::groupId)
                .toList());
        Map<Long, MessagingViews.Message> last = lastMessages(me, conversations);
        List<MessagingViews.Conversation> views = new ArrayList<>(conversations.size());
        for (int i = 0; i < conversations.size(); i++) {
            Conversation c = conversations.get(i);
            ConversationMember mine = memberships.get(i);
            GroupViews.Ref group = c.kind() == ConversationKind.GROUP ? named.get(c.groupId()) : null;
            views.add(new MessagingViews.Conversation(
                    c.id(),
                    c.kind().name().toLowerCase(Locale.ROOT),
                    c.kind() == ConversationKind.DIRECT ? people.get(c.peerOf(me)) : null,
                    group == null
                            ? null
                            : new MessagingViews.GroupRef(group.id(), group.name(), group.number(), group.avatar()),
                    c.lastSeq(),
                    mine.readSeq(),
                    Math.max(0, c.lastSeq() - mine.readSeq()),
                    last.get(c.id()),
                    Timestamps.toInstant(c.lastMessageAt()),
                    mine.pinned(),
                    mine.muted(),
                    c.kind() == ConversationKind.DIRECT ? peerReads.get(c.id()) : null,
                    c.kind() == ConversationKind.GROUP && mine.mentionUnread()));
        }
        return views;
    }

    /** The newest message of each conversation that has one, in one query (and one for their media). */
    private Map<Long, MessagingViews.Message> lastMessages(long me, List<Conversation> conversations) {
        List<Long> ids = conversations.stream()
                .filter(c -> c.lastSeq() > 0)
                .map(Conversation::id)
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Message> newest = em.createQuery(
                        "select m from Message m, Conversation c where m.conversationId = c.id"
                                + " and m.seq = c.lastSeq and c.id in :ids",
                        Message.class)
                .setParameter("ids", ids)
                .getResultList();
        Set<Long> groupConversations = conversations.stream()
                .filter(c -> c.kind() == ConversationKind.GROUP)
                .map(Conversation::id)
                .collect(Collectors.toSet());
        Map<Long, PublicProfile> senders = accounts.publicProfiles(newest.stream()
                .filter(m -> groupConversations.contains(m.conversationId()) && m.senderId() != null)
                .map(Message::senderId)
                .distinct()
                .toList());
        Set<Long> hidden = hiddenMessages.among(me, newest);
        return messages.all(newest, m -> null).stream()
                .map(m -> hidden.contains(m.id()) ? m.hiddenPlaceholder() : m)
                .map(m -> !m.hidden()
                                && groupConversations.contains(m.conversation())
                                && m.sender() != null
                                && senders.containsKey(m.sender())
                        ? m.withSenderName(senders.get(m.sender()).displayName())
                        : m)
                .collect(Collectors.toMap(MessagingViews.Message::conversation, Function.identity()));
    }
}

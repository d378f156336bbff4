package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.Push;
import chat.plume.social.friends.Blocks;
import chat.plume.social.groups.ChatGroups;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Messages once sent: history, edit, recall, read positions and receipts. Sending is
 * {@link Sends}'; search {@link MessageSearch}'s.
 */
@Stateless
public class Messages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    ChatGroups groups;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    MessagingSettings settings;

    @Inject
    SendRules rules;

    @Inject
    MessageViews views;

    @Inject
    MessageAccess access;

    @Inject
    HiddenMessages hiddenMessages;

    @Inject
    PinnedMessages pins;

    @Inject
    MentionMarkers mentionMarkers;

    @Inject
    Event<Push> push;

    @Inject
    Polls polls;

    /**
     * A page of history, oldest first: the messages after {@code after} (catching up, resuming),
     * or before {@code before} (scrolling back), or the newest when neither is given.
     */
    public MessagingViews.Page history(Caller caller, long conversationId, Long before, Long after, int limit) {
        ConversationMember mine = conversations.require(conversationId, caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        int size = Math.max(1, Math.min(limit, MessagingSettings.PAGE_LIMIT));
        if (after != null && (after < 0 || after > conversation.lastSeq())) {
            throw new InvalidInputException(
                    "invalid_position",
                    "after",
                    "after must be between 0 and the conversation's last sequence number (" + conversation.lastSeq()
                            + ").");
        }
        if (before != null && before < 1) {
            throw new InvalidInputException("invalid_position", "before", "before must be a positive sequence number.");
        }
        List<Message> rows;
        boolean hasMore;
        if (after != null) {
            rows = em.createNamedQuery(Message.AFTER, Message.class)
                    .setParameter("conversation", conversationId)
                    .setParameter("after", after)
                    .setMaxResults(size + 1)
                    .getResultList();
            hasMore = rows.size() > size;
            rows = rows.subList(0, Math.min(size, rows.size()));
        } else {
            long from = before == null ? conversation.lastSeq() + 1 : before;
            rows = new ArrayList<>(em.createNamedQuery(Message.BEFORE, Message.class)
                    .setParameter("conversation", conversationId)
                    .setParameter("before", from)
                    .setMaxResults(size + 1)
                    .getResultList());
            hasMore = rows.size() > size;
            rows = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
            Collections.reverse(rows);
        }
        ReadCounter counter = readCounter(conversation, mine.accountId(), rows);
        Set<Long> hiddenIds = hiddenMessages.among(caller.accountId(), rows);
        Map<Long, Integer> myVotes = polls.votesOf(
                caller.accountId(),
                rows.stream()
                        .filter(m -> m.kind() == MessageKind.POLL)
                        .map(Message::id)
                        .toList());
        return new MessagingViews.Page(
                conversationId,
                views.all(rows, counter == null ? m -> null : counter::countFor).stream()
                        .map(m ->
                                hiddenIds.contains(m.id()) ? m.hiddenPlaceholder() : m.withMyVote(myVotes.get(m.id())))
                        .toList(),
                hasMore);
    }

    public MessagingViews.Message edit(Caller caller, long conversationId, long seq, String body) {
        conversations.require(conversationId, caller.accountId());
        access.requireMayWrite(em.find(Conversation.class, conversationId), caller.accountId());
        Message message = access.lockedAt(conversationId, seq);
        if (!message.isEditableBy(caller.accountId())) {
            throw new AccessDeniedException("not_sender", "Only your own text messages can be edited.");
        }
        if (message.isRecalled()) {
            throw new DuplicateEntityException("message_recalled", null, "This message was recalled.");
        }
        requireWithin(message, settings.editWindow(), "edit_window_passed", "It is too late to edit this message.");
        message.edit(rules.requireText(body), Timestamps.now());
        return access.announceUpdate(message);
    }

    /**
     * Recalls a message (撤回): one's own within the recall window; in a group, the owner and
     * admins may recall anyone's at any time.
     */
    public MessagingViews.Message recall(Caller caller, long conversationId, long seq) {
        conversations.require(conversationId, caller.accountId());
        Message message = access.lockedAt(conversationId, seq);
        if (message.isRecalled()) {
            return views.of(message);
        }
        boolean own = message.isSentBy(caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        boolean moderator =
                conversation.kind() == ConversationKind.GROUP && access.isManager(conversation, caller.accountId());
        if (!own && !moderator) {
            throw new AccessDeniedException("not_sender", "Only the sender or a group admin can recall this message.");
        }
        if (message.isWrittenByPlume()) {
            throw new AccessDeniedException("not_sender", "System messages and calls cannot be recalled.");
        }
        if (!moderator) {
            requireWithin(
                    message, settings.recallWindow(), "recall_window_passed", "It is too late to recall this message.");
        }
        message.recall(caller.accountId(), Timestamps.now());
        pins.unpinRecalled(message);
        mentionMarkers.recalled(message);
        return access.announceUpdate(message);
    }

    /** Moves the caller's read position forward and tells their devices and, in a direct conversation, the other person. */
    public long read(Caller caller, long conversationId, long seq) {
        ConversationMember mine = conversations.require(conversationId, caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (seq < 0 || seq > conversation.lastSeq()) {
            throw new InvalidInputException(
                    "invalid_position",
                    "seq",
                    "seq must be between 0 and the conversation's last sequence number (" + conversation.lastSeq()
                            + ").");
        }
        if (advanceRead(conversationId, caller.accountId(), seq)) {
            Set<Long> audience = new LinkedHashSet<>(List.of(caller.accountId()));
            if (conversation.kind() == ConversationKind.DIRECT
                    && !blocks.eitherWay(caller.accountId(), conversation.peerOf(caller.accountId()))) {
                audience.add(conversation.peerOf(caller.accountId()));
            }
            push.fire(Push.to(audience, new MessagingFrames.Read(conversationId, caller.accountId(), seq)));
        }
        return Math.max(mine.readSeq(), seq);
    }

    /**
     * A page of who in a chat has read up to a message (the sender excluded), by account id after
     * {@code after}, and how many have in all: five queries whatever the group's size (membership,
     * the message, the page, the count, the page's profiles).
     */
    public MessagingViews.Readers readers(Caller caller, long conversationId, long seq, long after, int limit) {
        conversations.require(conversationId, caller.accountId());
        Message message = access.at(conversationId, seq);
        List<Long> ids = readersOf(ConversationMember.READERS, Long.class, message)
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        long count =
                readersOf(ConversationMember.READER_COUNT, Long.class, message).getSingleResult();
        List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
        Map<Long, PublicProfile> people = accounts.publicProfiles(page);
        return new MessagingViews.Readers(
                conversationId,
                seq,
                count,
                page.stream().map(people::get).filter(Objects::nonNull).toList(),
                ids.size() > limit ? page.get(limit - 1) : null);
    }

    /** One of the readers queries, bound to a message: read up to it, in before it, not its sender. */
    private <T> TypedQuery<T> readersOf(String query, Class<T> type, Message message) {
        return em.createNamedQuery(query, type)
                .setParameter("conversation", message.conversationId())
                .setParameter("seq", message.seq())
                .setParameter("sentAt", message.createdAt())
                .setParameter("sender", message.senderId() == null ? 0L : message.senderId());
    }

    /** Moves a read position forward only, in one statement (safe against concurrent readers). */
    private boolean advanceRead(long conversationId, long accountId, long seq) {
        return em.createNamedQuery(ConversationMember.ADVANCE_READ)
                        .setParameter("seq", seq)
                        .setParameter("conversation", conversationId)
                        .setParameter("account", accountId)
                        .executeUpdate()
                > 0;
    }

    /**
     * Whether someone may see an upload: it is in a message, not recalled, of a conversation they
     * are in — the one it was sent to, or one it was forwarded to.
     */
    public boolean isVisibleTo(long mediaId, long accountId) {
        return em.createNamedQuery(Message.VISIBLE_MEDIA, Long.class)
                        .setParameter("media", mediaId)
                        .setParameter("account", accountId)
                        .getSingleResult()
                > 0;
    }

    private static void requireWithin(Message message, Duration window, String code, String text) {
        if (!message.isWithin(window, Timestamps.now())) {
            throw new AccessDeniedException(code, text);
        }
    }

    /**
     * For a group page: how many others have read each of the reader's own messages. Nothing is
     * read when the page has none of theirs (the usual page of a large group); otherwise the
     * others' read positions come as plain values in one query, never as entities (a group of
     * 10,000 would fill the persistence context for every page).
     */
    private ReadCounter readCounter(Conversation conversation, long viewer, List<Message> rows) {
        if (conversation.kind() != ConversationKind.GROUP || rows.stream().noneMatch(m -> m.isSentBy(viewer))) {
            return null;
        }
        return new ReadCounter(
                viewer,
                em.createNamedQuery(ConversationMember.READ_POSITIONS, Object[].class)
                        .setParameter("conversation", conversation.id())
                        .setParameter("viewer", viewer)
                        .getResultStream()
                        .map(row -> new ReadPosition(((Number) row[0]).longValue(), (LocalDateTime) row[1]))
                        .toList());
    }

    /** Counts, for a message, the others who have read it: read past it, and were there when it was sent. */
    private record ReadCounter(long viewer, List<ReadPosition> others) {
        Integer countFor(Message m) {
            if (!m.isSentBy(viewer)) {
                return null;
            }
            return (int) others.stream()
                    .filter(p -> readIt(p.readSeq(), p.joinedAt(), m))
                    .count();
        }
    }

    /** Someone who joined after a message did not read it, whatever their read position says. */
    private static boolean readIt(long readSeq, LocalDateTime joinedAt, Message message) {
        return readSeq >= message.seq() && !joinedAt.isAfter(message.createdAt());
    }

    /** How far one other member has read and since when they are in: read as values, not as an entity. */
    private record ReadPosition(long readSeq, LocalDateTime joinedAt) {}

    /** How many messages an account has sent, recalled ones included (for the admin console). */
    public long sentCount(long accountId) {
        // Served by the (sender_id, created_at) index.
        return em.createQuery("select count(m) from Message m where m.senderId = :sender", Long.class)
                .setParameter("sender", accountId)
                .getSingleResult();
    }

    /**
     * How many messages each group's chat has had, Plume's notices included (its last sequence
     * number: what retention removed still counts), by group id — one query for the console.
     */
    public Map<Long, Long> countsByGroup(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select c.groupId, c.lastSeq from Conversation c where c.groupId in :ids", Object[].class)
                .setParameter("ids", groupIds)
                .getResultStream()
                .forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}

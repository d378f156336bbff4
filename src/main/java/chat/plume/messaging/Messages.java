package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.media.Media;
import chat.plume.media.MediaKind;
import chat.plume.media.MediaView;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupMember;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Messages: sending (idempotent, sequenced, pushed after commit), history, edit, recall, read
 * positions and receipts, and search.
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
    chat.plume.social.friends.Blocks blocks;

    @Inject
    MessagingSettings settings;

    @Inject
    SendRules rules;

    @Inject
    Event<Push> push;

    /** The result of a send: the message, and whether it had been sent before under the same client id. */
    public record Sent(MessagingViews.Message message, boolean duplicate) {
    }

    /** One send as the {@link MessageWriter} queues it. */
    public record Outgoing(Caller caller, long conversationId, String clientMessageId, String body, Long replyTo,
            List<Long> mentions, Long mediaId) {
    }

    /**
     * Sends several messages in one transaction: one commit, and with the embedded database one
     * store write, for all of them (the direct benchmark's top cost was a commit per message). A
     * refusal of any one rolls back all of them, and the {@link MessageWriter} then sends them one
     * by one, so that only the refused one is refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Sent> sendAll(List<Outgoing> batch) {
        List<Sent> sent = new ArrayList<>(batch.size());
        for (Outgoing o : batch) {
            sent.add(send(o.caller(), o.conversationId(), o.clientMessageId(), o.body(), o.replyTo(), o.mentions(),
                    o.mediaId()));
        }
        return sent;
    }

    /**
     * Sends a text message. In one transaction: the caller must be in the conversation; the
     * conversation row is locked; a message with the same (sender, client message id) is returned
     * as it is (a resend); otherwise the sender must still be allowed to write, the next sequence
     * number is taken, the message stored and the sender's read position moved to it. The
     * {@code message} frame goes to every member only once all of that has committed.
     */
    public Sent send(Caller caller, long conversationId, String clientMessageId, String body, Long replyTo,
            List<Long> mentions) {
        return send(caller, conversationId, clientMessageId, body, replyTo, mentions, null);
    }

    /**
     * Sends a text, or an image or file uploaded before ({@code mediaId}: the caller's own upload
     * into this very conversation), optionally with a caption. The fields themselves (client id,
     * text) are checked once, by {@link SendRules}, before the send is queued
     * ({@link MessageWriter#submit}); this checks what needs the database.
     */
    public Sent send(Caller caller, long conversationId, String clientMessageId, String body, Long replyTo,
            List<Long> mentions, Long mediaId) {
        long me = caller.accountId();
        // A resend of a stored message gets its original ack, even if the sender may no longer
        // write here (removed from the group after the message was stored, before the ack arrived).
        Optional<Sent> resent = earlier(me, clientMessageId, conversationId);
        if (resent.isPresent()) {
            return resent.get();
        }
        conversations.require(conversationId, me);
        // The lock serializes senders of one conversation: sequence numbers rise by one in commit
        // order, and a resend racing its original finds it below.
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        resent = earlier(me, clientMessageId, conversationId);
        if (resent.isPresent()) {
            return resent.get();
        }
        Media media = mediaId == null ? null : attachable(mediaId, conversationId, me);
        String text = media != null && (body == null || body.isBlank()) ? null : body;
        requireMayWrite(conversation, me);
        if (replyTo != null && (replyTo < 1 || replyTo > conversation.lastSeq())) {
            throw new InvalidInputException("unknown_reply", "replyTo", "There is no such message to reply to.");
        }
        String mentionList = mentions(conversation, mentions);
        LocalDateTime now = Timestamps.now();
        long seq = conversation.next(now);
        MessageKind kind = media == null ? MessageKind.TEXT
                : media.kind() == MediaKind.IMAGE ? MessageKind.IMAGE : MessageKind.FILE;
        Message message = new Message(conversationId, seq, me, clientMessageId, kind, text, replyTo, mentionList, now);
        if (media != null) {
            message.withMedia(media.id());
        }
        try {
            em.persist(message);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new DuplicateEntityException("client_message_id_reused", "clientMessageId",
                    "This clientMessageId was already used for another conversation.");
        }
        advanceRead(conversationId, me, seq);
        MessagingViews.Message view = view(message, null);
        push.fire(Push.to(recipients(conversation), new MessagingFrames.NewMessage(view)));
        return new Sent(view, false);
    }

    /** Writes a system notice into a group conversation (called inside the group change's transaction). */
    public void system(Conversation loaded, GroupActivity activity) {
        Conversation conversation = em.find(Conversation.class, loaded.id());
        // Locked and re-read: the instance may have been loaded before a concurrent send committed.
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE);
        JsonObjectBuilder body = Json.createObjectBuilder().add("event", activity.type());
        if (activity.user() != null) {
            body.add("user", activity.user());
        }
        if (activity.by() != null) {
            body.add("by", activity.by());
        }
        if (activity.detail() != null) {
            body.add("detail", activity.detail());
        }
        LocalDateTime now = Timestamps.now();
        Message message = new Message(conversation.id(), conversation.next(now), null, null, MessageKind.SYSTEM,
                body.build().toString(), null, null, now);
        em.persist(message);
        em.flush();
        Set<Long> audience = new LinkedHashSet<>(recipients(conversation));
        if (activity.user() != null) {
            audience.add(activity.user());
        }
        push.fire(Push.to(audience, new MessagingFrames.NewMessage(view(message, null))));
    }

    /**
     * A page of history, oldest first: the messages after {@code after} (catching up, resuming),
     * or before {@code before} (scrolling back), or the newest when neither is given.
     */
    public MessagingViews.Page history(Caller caller, long conversationId, Long before, Long after, int limit) {
        ConversationMember mine = conversations.require(conversationId, caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        int size = Math.max(1, Math.min(limit, MessagingSettings.PAGE_LIMIT));
        if (after != null && (after < 0 || after > conversation.lastSeq())) {
            throw new InvalidInputException("invalid_position", "after",
                    "after must be between 0 and the conversation's last sequence number (" + conversation.lastSeq() + ").");
        }
        if (before != null && before < 1) {
            throw new InvalidInputException("invalid_position", "before", "before must be a positive sequence number.");
        }
        List<Message> rows;
        boolean hasMore;
        if (after != null) {
            rows = em.createNamedQuery(Message.AFTER, Message.class).setParameter("conversation", conversationId)
                    .setParameter("after", after).setMaxResults(size + 1).getResultList();
            hasMore = rows.size() > size;
            rows = rows.subList(0, Math.min(size, rows.size()));
        } else {
            long from = before == null ? conversation.lastSeq() + 1 : before;
            rows = new ArrayList<>(em.createNamedQuery(Message.BEFORE, Message.class)
                    .setParameter("conversation", conversationId).setParameter("before", from)
                    .setMaxResults(size + 1).getResultList());
            hasMore = rows.size() > size;
            rows = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
            Collections.reverse(rows);
        }
        ReadCounter counter = readCounter(conversation, mine.accountId());
        return new MessagingViews.Page(conversationId, rows.stream().map(m -> view(m, counter)).toList(), hasMore);
    }

    public MessagingViews.Message edit(Caller caller, long conversationId, long seq, String body) {
        conversations.require(conversationId, caller.accountId());
        requireMayWrite(em.find(Conversation.class, conversationId), caller.accountId());
        Message message = lockedAt(conversationId, seq);
        if (message.kind() != MessageKind.TEXT || !Long.valueOf(caller.accountId()).equals(message.senderId())) {
            throw new AccessDeniedException("not_sender", "Only your own text messages can be edited.");
        }
        if (message.isRecalled()) {
            throw new DuplicateEntityException("message_recalled", null, "This message was recalled.");
        }
        requireWithin(message, settings.editWindow(), "edit_window_passed", "It is too late to edit this message.");
        message.edit(rules.requireText(body), Timestamps.now());
        return announceUpdate(message);
    }

    /**
     * Recalls a message (撤回): one's own within the recall window; in a group, the owner and
     * admins may recall anyone's at any time.
     */
    public MessagingViews.Message recall(Caller caller, long conversationId, long seq) {
        conversations.require(conversationId, caller.accountId());
        Message message = lockedAt(conversationId, seq);
        if (message.isRecalled()) {
            return view(message, null);
        }
        boolean own = Long.valueOf(caller.accountId()).equals(message.senderId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        boolean moderator = conversation.kind() == ConversationKind.GROUP && isManager(conversation, caller.accountId());
        if (!own && !moderator) {
            throw new AccessDeniedException("not_sender", "Only the sender or a group admin can recall this message.");
        }
        if (message.kind() == MessageKind.SYSTEM) {
            throw new AccessDeniedException("not_sender", "System messages cannot be recalled.");
        }
        if (!moderator) {
            requireWithin(message, settings.recallWindow(), "recall_window_passed", "It is too late to recall this message.");
        }
        message.recall(caller.accountId(), Timestamps.now());
        return announceUpdate(message);
    }

    /** Moves the caller's read position forward and tells their devices and, in a direct conversation, the other person. */
    public long read(Caller caller, long conversationId, long seq) {
        ConversationMember mine = conversations.require(conversationId, caller.accountId());
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (seq < 0 || seq > conversation.lastSeq()) {
            throw new InvalidInputException("invalid_position", "seq",
                    "seq must be between 0 and the conversation's last sequence number (" + conversation.lastSeq() + ").");
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

    /** Who in a group has read up to a message (the sender excluded). */
    public MessagingViews.Readers readers(Caller caller, long conversationId, long seq) {
        conversations.require(conversationId, caller.accountId());
        Message message = at(conversationId, seq);
        List<Long> ids = conversations.participants(conversationId).stream()
                .filter(p -> readIt(p, message) && !Long.valueOf(p.accountId()).equals(message.senderId()))
                .map(ConversationMember::accountId).toList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(ids);
        return new MessagingViews.Readers(conversationId, seq, ids.stream().map(people::get)
                .filter(java.util.Objects::nonNull).toList());
    }

    /**
     * Finds text in one conversation or all of the caller's. Plain case-insensitive matching is
     * enough on H2; on PostgreSQL this query is where full-text search takes over.
     */
    public List<MessagingViews.Hit> search(Caller caller, Long conversationId, String query, int limit) {
        List<Long> scope = conversationId != null
                ? List.of(conversations.require(conversationId, caller.accountId()).conversationId())
                : conversations.list(caller).stream().map(MessagingViews.Conversation::id).toList();
        if (scope.isEmpty()) {
            return List.of();
        }
        String pattern = chat.plume.platform.LikePattern.containing(query);
        return em.createNamedQuery(Message.SEARCH, Message.class).setParameter("conversations", scope)
                .setParameter("pattern", pattern).setMaxResults(Math.min(limit, MessagingSettings.PAGE_LIMIT))
                .getResultStream()
                .map(m -> new MessagingViews.Hit(view(m, null),
                        conversations.titleOf(em.find(Conversation.class, m.conversationId()), caller.accountId())))
                .toList();
    }

    /** The newest message of a conversation, for previews. */
    public MessagingViews.Message lastOf(Conversation conversation) {
        return em.createNamedQuery(Message.AT, Message.class).setParameter("conversation", conversation.id())
                .setParameter("seq", conversation.lastSeq()).getResultStream().findFirst()
                .map(m -> view(m, null)).orElse(null);
    }

    private Optional<Sent> earlier(long sender, String clientMessageId, long conversationId) {
        Optional<Message> earlier = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class).setParameter("sender", sender)
                .setParameter("clientId", clientMessageId).getResultStream().findFirst();
        if (earlier.isPresent() && earlier.get().conversationId() != conversationId) {
            throw new DuplicateEntityException("client_message_id_reused", "clientMessageId",
                    "This clientMessageId was already used for another conversation.");
        }
        return earlier.map(m -> new Sent(view(m, null), true));
    }

    /** Moves a read position forward only, in one statement (safe against concurrent readers). */
    private boolean advanceRead(long conversationId, long accountId, long seq) {
        return em.createNamedQuery(ConversationMember.ADVANCE_READ).setParameter("seq", seq)
                .setParameter("conversation", conversationId).setParameter("account", accountId).executeUpdate() > 0;
    }

    /** The message, locked: an edit and a recall of it cannot interleave. */
    private Message lockedAt(long conversationId, long seq) {
        return em.createNamedQuery(Message.AT, Message.class).setParameter("conversation", conversationId)
                .setParameter("seq", seq).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new MissingEntityException("message_not_found", "No such message."));
    }

    /** An upload may be sent by its uploader, into the conversation it was uploaded for. */
    private Media attachable(long mediaId, long conversationId, long me) {
        Media media = em.find(Media.class, mediaId);
        if (media == null || media.uploaderId() != me || media.conversationId() == null
                || media.conversationId() != conversationId || media.kind() == MediaKind.AVATAR) {
            throw new InvalidInputException("unknown_media", "media", "No such upload of yours for this conversation.");
        }
        return media;
    }

    /** Whether an upload is in a message that has not been recalled (recalling takes the media with it). */
    public boolean isShared(long mediaId) {
        return em.createNamedQuery(Message.SHARING, Long.class).setParameter("media", mediaId).getSingleResult() > 0;
    }

    private void requireMayWrite(Conversation conversation, long me) {
        if (conversation.kind() == ConversationKind.DIRECT) {
            conversations.requireMayTalk(me, conversation.peerOf(me));
        } else {
            groups.requireMaySpeak(conversation.groupId(), me);
        }
    }

    /** Mentions (@) are for groups, and only of members. */
    private String mentions(Conversation conversation, List<Long> mentions) {
        if (mentions == null || mentions.isEmpty()) {
            return null;
        }
        if (conversation.kind() != ConversationKind.GROUP || mentions.size() > 50) {
            throw new InvalidInputException("invalid_mention", "mentions", "Mention up to 50 members of this group.");
        }
        Set<Long> members = conversations.participants(conversation.id()).stream().map(ConversationMember::accountId)
                .collect(Collectors.toSet());
        if (!members.containsAll(mentions)) {
            throw new InvalidInputException("invalid_mention", "mentions", "Only members of this group can be mentioned.");
        }
        return new LinkedHashSet<>(mentions).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void requireWithin(Message message, Duration window, String code, String text) {
        if (Timestamps.now().isAfter(message.createdAt().plus(window))) {
            throw new AccessDeniedException(code, text);
        }
    }

    private boolean isManager(Conversation conversation, long accountId) {
        GroupMember member = groups.membership(conversation.groupId(), accountId);
        return member != null && member.role().manages();
    }

    private Message at(long conversationId, long seq) {
        return em.createNamedQuery(Message.AT, Message.class).setParameter("conversation", conversationId)
                .setParameter("seq", seq).getResultStream().findFirst()
                .orElseThrow(() -> new MissingEntityException("message_not_found", "No such message."));
    }

    private MessagingViews.Message announceUpdate(Message message) {
        MessagingViews.Message view = view(message, null);
        Conversation conversation = em.find(Conversation.class, message.conversationId());
        push.fire(Push.to(recipients(conversation), new MessagingFrames.MessageUpdated(view)));
        return view;
    }

    /** Everyone a conversation's messages go to: its participants (ids only, no entities to track). */
    private List<Long> recipients(Conversation conversation) {
        return em.createNamedQuery(ConversationMember.ACCOUNTS, Long.class).setParameter("conversation", conversation.id())
                .getResultList();
    }

    /** For a group page: how many others have read each of the reader's own messages. */
    private ReadCounter readCounter(Conversation conversation, long viewer) {
        if (conversation.kind() != ConversationKind.GROUP) {
            return null;
        }
        return new ReadCounter(viewer, conversations.participants(conversation.id()).stream()
                .filter(p -> p.accountId() != viewer).toList());
    }

    /** Counts, for a message, the others who have read it: read past it, and were there when it was sent. */
    private record ReadCounter(long viewer, List<ConversationMember> others) {
        Integer countFor(Message m) {
            if (!Long.valueOf(viewer).equals(m.senderId())) {
                return null;
            }
            return (int) others.stream().filter(p -> readIt(p, m)).count();
        }
    }

    /** Someone who joined after a message did not read it, whatever their read position says. */
    private static boolean readIt(ConversationMember member, Message message) {
        return member.readSeq() >= message.seq() && !member.joinedAt().isAfter(message.createdAt());
    }

    private MessagingViews.Message view(Message m, ReadCounter counter) {
        List<Long> mentioned = m.mentions() == null ? List.of()
                : Arrays.stream(m.mentions().split(",")).map(Long::valueOf).toList();
        return new MessagingViews.Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(),
                m.kind().name().toLowerCase(Locale.ROOT), m.isRecalled() ? null : m.body(), m.replyToSeq(), mentioned,
                Timestamps.toInstant(m.createdAt()), Timestamps.toInstant(m.editedAt()), m.isRecalled(),
                counter == null ? null : counter.countFor(m),
                m.mediaId() == null || m.isRecalled() ? null : MediaView.of(em.find(Media.class, m.mediaId())));
    }
}

package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.DisplayNames;
import chat.plume.identity.boundary.Restrictions;
import chat.plume.media.Media;
import chat.plume.media.MediaKind;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.Push;
import chat.plume.social.groups.ChatGroups;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sending messages: idempotent per (sender, client message id), sequenced per conversation,
 * pushed to every member after commit. The one way in for every sender (the WebSocket through
 * the {@link MessageWriter}, and bots), so every one of them gets the same rules.
 *
 * <p>Every check of a send — its own fields ({@link SendRules}), membership, friendship, blocks,
 * mutes — answers with a refusal that is <em>returned</em> from the other boundaries, never
 * thrown across them: a business exception crossing an EJB boundary marks the transaction for
 * rollback, and one refused send would then cost its whole batch (the writer used to roll back
 * and replay the batch one by one). So a batch commits its good sends, and the refused ones are
 * answered each with its own refusal.
 */
@Stateless
public class Sends {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    ChatGroups groups;

    @Inject
    SendRules rules;

    @Inject
    Restrictions restrictions;

    @Inject
    MessageViews views;

    @Inject
    DisplayNames displayNames;

    @Inject
    MessageAccess access;

    @Inject
    Event<Push> push;

    @Inject
    BotPacing pacing;

    /** One send as the {@link MessageWriter} queues it. */
    public record Outgoing(
            Caller caller,
            long conversationId,
            String clientMessageId,
            String body,
            Long replyTo,
            List<Long> mentions,
            Long mediaId,
            Forward forward,
            Poll poll) {

        /** A new message of the sender's own (not a forward). */
        public Outgoing(
                Caller caller,
                long conversationId,
                String clientMessageId,
                String body,
                Long replyTo,
                List<Long> mentions,
                Long mediaId) {
            this(caller, conversationId, clientMessageId, body, replyTo, mentions, mediaId, null, null);
        }

        /** A copy of message {@code seq} of conversation {@code conversation} (转发). */
        public static Outgoing forward(Caller caller, long into, String clientMessageId, Forward from) {
            return new Outgoing(caller, into, clientMessageId, null, null, List.of(), null, from, null);
        }

        /** A poll: a question and its options, which everyone in the conversation can vote on. */
        public static Outgoing poll(Caller caller, long into, String clientMessageId, Poll poll, Long replyTo) {
            return new Outgoing(caller, into, clientMessageId, null, replyTo, List.of(), null, null, poll);
        }
    }

    /** A poll's question and options (2 to {@value #MAX_OPTIONS}), stored as the message's body. */
    public record Poll(String question, List<String> options) {

        public static final int MAX_OPTIONS = 10;
        public static final int QUESTION_MAX = 200;
        public static final int OPTION_MAX = 100;

        String json() {
            var array = jakarta.json.Json.createArrayBuilder();
            options.forEach(array::add);
            return jakarta.json.Json.createObjectBuilder()
                    .add("question", question)
                    .add("options", array)
                    .build()
                    .toString();
        }
    }

    /** Which message a forward copies. */
    public record Forward(long conversation, long seq) {}

    /** The result of a send: the message, and whether it had been sent before under the same client id. */
    public record Sent(MessagingViews.Message message, boolean duplicate) {}

    /** One send's outcome in a batch: stored ({@code sent}) or refused (why). */
    public record Outcome(Sent sent, PlumeException refused) {

        static Outcome of(Sent sent) {
            return new Outcome(sent, null);
        }

        static Outcome refusedBecause(PlumeException refusal) {
            return new Outcome(null, refusal);
        }
    }

    /**
     * Stores several sends in one transaction: one commit, and with the embedded database one
     * store write, for all of them (a commit per message was the direct benchmark's top cost).
     * A refused send is answered with its refusal and the others are committed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> sendAll(List<Outgoing> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Outgoing o : batch) {
            try {
                outcomes.add(Outcome.of(store(o)));
            } catch (PlumeException refused) {
                // Thrown within this bean, not across a boundary: the transaction stays good.
                outcomes.add(Outcome.refusedBecause(refused));
            }
        }
        return outcomes;
    }

    /** Stores one send in the caller's transaction (or its own); a refusal is thrown. */
    public Sent send(Outgoing outgoing) {
        return store(outgoing);
    }

    /**
     * In one transaction: the fields must pass the {@link SendRules}; the caller must be in the
     * conversation; the conversation row is locked; a message with the same (sender, client
     * message id) is returned as it is (a resend); otherwise the sender must still be allowed to
     * write, the next sequence number is taken, the message stored and the sender's read position
     * moved to it. The {@code message} frame goes to every member only once all of that has
     * committed. A text, or an image or file uploaded before ({@code mediaId}: the caller's own
     * upload into this very conversation), optionally with a caption.
     */
    private Sent store(Outgoing o) {
        rules.check(o);
        long me = o.caller().accountId();
        long conversationId = o.conversationId();
        // A resend of a stored message gets its original ack, even if the sender may no longer
        // write here (removed from the group after the message was stored, before the ack arrived).
        Optional<Sent> resent = earlier(me, o.clientMessageId(), conversationId);
        if (resent.isPresent()) {
            return resent.get();
        }
        if (conversations.participant(conversationId, me).isEmpty()) {
            throw new AccessDeniedException("forbidden", "You are not in this conversation.");
        }
        // The lock serializes senders of one conversation: sequence numbers rise by one in commit
        // order, and a resend racing its original finds it below.
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        resent = earlier(me, o.clientMessageId(), conversationId);
        if (resent.isPresent()) {
            return resent.get();
        }
        Message source = o.forward() == null ? null : forwardable(o.forward(), me);
        Media media = source != null
                ? (source.mediaId() == null ? null : em.find(Media.class, source.mediaId()))
                : o.mediaId() == null ? null : attachable(o.mediaId(), conversationId, me);
        String text = o.poll() != null
                ? o.poll().json()
                : source != null
                        ? source.body()
                        : media != null && (o.body() == null || o.body().isBlank()) ? null : o.body();
        Optional<PlumeException> refusal = restrictions.sendingRefusal(me).or(() -> writingRefusal(conversation, me));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (o.caller().bot()) {
            pacing.take(me, conversationId);
        }
        if (o.replyTo() != null && (o.replyTo() < 1 || o.replyTo() > conversation.lastSeq())) {
            throw new InvalidInputException("unknown_reply", "replyTo", "There is no such message to reply to.");
        }
        String mentionList = mentions(conversation, o.mentions());
        LocalDateTime now = Timestamps.now();
        long seq = conversation.next(now);
        MessageKind kind = o.poll() != null
                ? MessageKind.POLL
                : media == null
                        ? MessageKind.TEXT
                        : media.kind() == MediaKind.IMAGE ? MessageKind.IMAGE : MessageKind.FILE;
        Message message =
                new Message(conversationId, seq, me, o.clientMessageId(), kind, text, o.replyTo(), mentionList, now);
        if (media != null) {
            message.withMedia(media.id());
        }
        if (source != null) {
            message.asForwarded();
        }
        try {
            em.persist(message);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new DuplicateEntityException(
                    "client_message_id_reused",
                    "clientMessageId",
                    "This clientMessageId was already used for another conversation.");
        }
        em.createNamedQuery(ConversationMember.ADVANCE_READ)
                .setParameter("seq", seq)
                .setParameter("conversation", conversationId)
                .setParameter("account", me)
                .executeUpdate();
        MessagingViews.Message view = views.ofNew(message);
        if (conversation.kind() == ConversationKind.GROUP) {
            // Group members' lists name who wrote it without loading the group's members.
            view = view.withSenderName(displayNames.of(me));
        }
        push.fire(Push.ordered(recipients(conversationId), new MessagingFrames.NewMessage(view), conversationId, seq));
        return new Sent(view, false);
    }

    private Optional<Sent> earlier(long sender, String clientMessageId, long conversationId) {
        Optional<Message> earlier = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", sender)
                .setParameter("clientId", clientMessageId)
                .getResultStream()
                .findFirst();
        if (earlier.isPresent() && earlier.get().conversationId() != conversationId) {
            throw new DuplicateEntityException(
                    "client_message_id_reused",
                    "clientMessageId",
                    "This clientMessageId was already used for another conversation.");
        }
        return earlier.map(m -> new Sent(views.of(m), true));
    }

    /** Who may write: friends who have not blocked each other; members of a group who are not muted. */
    private Optional<PlumeException> writingRefusal(Conversation conversation, long me) {
        return conversation.kind() == ConversationKind.DIRECT
                ? conversations.talkingRefusal(me, conversation.peerOf(me))
                : groups.speakingRefusal(conversation.groupId(), me);
    }

    /** A forward copies a message the sender can read: text, an image or a file, not recalled. */
    private Message forwardable(Forward from, long me) {
        if (conversations.participant(from.conversation(), me).isEmpty()) {
            throw new AccessDeniedException("forbidden", "You are not in the conversation you forward from.");
        }
        Message source = access.at(from.conversation(), from.seq());
        if (!source.isForwardable()) {
            throw new InvalidInputException("not_forwardable", "from", "This message cannot be forwarded.");
        }
        return source;
    }

    /** An upload may be sent by its uploader, into the conversation it was uploaded for. */
    private Media attachable(long mediaId, long conversationId, long me) {
        Media media = em.find(Media.class, mediaId);
        if (media == null
                || media.uploaderId() != me
                || media.conversationId() == null
                || media.conversationId() != conversationId
                || media.kind() == MediaKind.AVATAR) {
            throw new InvalidInputException("unknown_media", "media", "No such upload of yours for this conversation.");
        }
        return media;
    }

    /** Mentions (@) are for groups, and only of members. */
    private String mentions(Conversation conversation, List<Long> mentions) {
        if (mentions == null || mentions.isEmpty()) {
            return null;
        }
        if (conversation.kind() != ConversationKind.GROUP || mentions.size() > 50) {
            throw new InvalidInputException("invalid_mention", "mentions", "Mention up to 50 members of this group.");
        }
        Set<Long> members = new LinkedHashSet<>(recipients(conversation.id()));
        if (!members.containsAll(mentions)) {
            throw new InvalidInputException(
                    "invalid_mention", "mentions", "Only members of this group can be mentioned.");
        }
        return new LinkedHashSet<>(mentions).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private List<Long> recipients(long conversationId) {
        return em.createNamedQuery(ConversationMember.ACCOUNTS, Long.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }
}

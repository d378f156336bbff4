package chat.plume.messaging;

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
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * Stores several sends in one transaction: one commit, and with the embedded database one
     * store write, for all of them (a commit per message was the direct benchmark's top cost).
     * A refused send is answered with its refusal and the others are committed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SendOutcome> sendAll(List<Outgoing> batch) {
        return storeAll(batch);
    }

    /** Stores one send in the caller's transaction (or its own); a refusal is thrown. */
    public Sent send(Outgoing outgoing) {
        SendOutcome outcome = storeAll(List.of(outgoing)).get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.sent();
    }

    /** A send stored by this batch, or found stored before ({@code duplicate}: a resend). */
    private record Stored(Message message, boolean duplicate) {}

    /**
     * Checks and stores each send against what the {@link SendBatch} read once for all of them,
     * writes everything in one flush, and only then makes the views and fires the pushes (in the
     * batch's order, which is each conversation's sequence order).
     */
    private List<SendOutcome> storeAll(List<Outgoing> sends) {
        // No flush before each query of the batch (the checks' lookups, the read positions'
        // updates): none of them reads what the batch writes, and each flush dirty-checked every
        // entity read and message stored so far. Everything is written once, at the end.
        // What the caller wrote in its own transaction (a single send) is seen by the queries.
        em.flush();
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        SendBatch batch;
        List<Object> results = new ArrayList<>(sends.size());
        try {
            // The fields first: a send refused for them takes no part in the batch's reads.
            List<Outgoing> checked = new ArrayList<>(sends.size());
            for (Outgoing o : sends) {
                try {
                    rules.check(o);
                    checked.add(o);
                    results.add(o);
                } catch (PlumeException refused) {
                    results.add(refused);
                }
            }
            batch = SendBatch.load(em, checked);
            batch.knowStanding(restrictions.sendingRefusals(batch.senders()));
            batch.knowTalking(checked, conversations::talkingRefusals);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) instanceof Outgoing o) {
                    try {
                        results.set(i, store(o, batch));
                    } catch (PlumeException refused) {
                        // Thrown within this bean, not across a boundary: the transaction stays good.
                        results.set(i, refused);
                    }
                }
            }
            batch.advanceReads(em);
            batch.markMentions(em);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            // Another transaction took one of these client message ids at the same moment, for
            // another conversation. This transaction is lost: thrown, so that the writer stores
            // the batch again one send at a time, and the culprit then finds the other message.
            throw clientIdReused();
        } finally {
            em.setFlushMode(flushMode);
        }
        List<SendOutcome> outcomes = new ArrayList<>(sends.size());
        Map<Long, String> senderNames = new HashMap<>();
        for (Object result : results) {
            if (result instanceof PlumeException refused) {
                outcomes.add(SendOutcome.refusedBecause(refused));
            } else {
                Stored stored = (Stored) result;
                outcomes.add(SendOutcome.of(
                        stored.duplicate()
                                ? new Sent(views.of(stored.message()), true)
                                : announce(stored.message(), batch, senderNames)));
            }
        }
        return outcomes;
    }

    /**
     * In the batch's transaction, its fields already checked ({@link SendRules}): a message with the
     * same (sender, client message id) is returned as it is (a resend); otherwise the caller must
     * be in the conversation and still allowed to write, the next sequence number is taken, the
     * message stored and the sender's read position moved to it. A text, or an image or file
     * uploaded before ({@code mediaId}: the caller's own upload into this very conversation),
     * optionally with a caption; a forward; or a poll.
     */
    private Stored store(Outgoing o, SendBatch batch) {
        long me = o.caller().accountId();
        long conversationId = o.conversationId();
        // A resend of a stored message gets its original ack, even if the sender may no longer
        // write here (removed from the group after the message was stored, before the ack arrived).
        Optional<Message> earlier = batch.earlier(me, o.clientMessageId());
        if (earlier.isPresent()) {
            if (earlier.get().conversationId() != conversationId) {
                throw clientIdReused();
            }
            return new Stored(earlier.get(), true);
        }
        Conversation conversation = batch.conversation(conversationId);
        if (conversation == null || !batch.members(conversationId).contains(me)) {
            throw new AccessDeniedException("forbidden", "You are not in this conversation.");
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
        Optional<PlumeException> refusal =
                batch.standing(me).or(() -> batch.writing(conversationId, me, () -> writingRefusal(conversation, me)));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (o.caller().bot()) {
            pacing.take(me, conversationId);
        }
        if (o.replyTo() != null && (o.replyTo() < 1 || o.replyTo() > conversation.lastSeq())) {
            throw new InvalidInputException("unknown_reply", "replyTo", "There is no such message to reply to.");
        }
        String mentionList = mentions(conversation, o.mentions(), batch.members(conversationId));
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
        em.persist(message);
        batch.stored(message);
        batch.readUpTo(conversationId, me, seq);
        if (mentionList != null) {
            batch.mentioned(conversationId, seq, o.mentions());
        }
        return new Stored(message, false);
    }

    /** The new message's view, pushed to every member once the transaction commits. */
    private Sent announce(Message message, SendBatch batch, Map<Long, String> senderNames) {
        long conversationId = message.conversationId();
        MessagingViews.Message view = views.ofNew(message);
        if (batch.conversation(conversationId).kind() == ConversationKind.GROUP) {
            // Group members' lists name who wrote it without loading the group's members.
            view = view.withSenderName(senderNames.computeIfAbsent(message.senderId(), displayNames::of));
        }
        push.fire(Push.ordered(
                batch.members(conversationId), new MessagingFrames.NewMessage(view), conversationId, message.seq()));
        return new Sent(view, false);
    }

    private static DuplicateEntityException clientIdReused() {
        return new DuplicateEntityException(
                "client_message_id_reused",
                "clientMessageId",
                "This clientMessageId was already used for another conversation.");
    }

    /** Who may write: friends who have not blocked each other; members of a group who are not muted. */
    private Optional<PlumeException> writingRefusal(Conversation conversation, long me) {
        return conversation.kind() == ConversationKind.DIRECT
                ? conversations.talkingRefusal(me, conversation.peerOf(me))
                : groups.speakingRefusal(conversation.groupId(), me);
    }

    /** A forward copies a message the sender can read: text, an image or a file, not recalled. */
    private Message forwardable(Outgoing.Forward from, long me) {
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
    private String mentions(Conversation conversation, List<Long> mentions, Set<Long> members) {
        if (mentions == null || mentions.isEmpty()) {
            return null;
        }
        if (conversation.kind() != ConversationKind.GROUP || mentions.size() > 50) {
            throw new InvalidInputException("invalid_mention", "mentions", "Mention up to 50 members of this group.");
        }
        if (!members.containsAll(mentions)) {
            throw new InvalidInputException(
                    "invalid_mention", "mentions", "Only members of this group can be mentioned.");
        }
        return new LinkedHashSet<>(mentions).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}

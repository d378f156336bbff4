package chat.plume.messaging;

import chat.plume.platform.error.PlumeException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one transaction of sends reads once for all of them, rather than once per message (most
 * of a send's cost was these lookups, each also flushing what the sends before it had written):
 * the conversations, locked in id order; their members, who are also the recipients; the
 * messages already stored under the batch's client message ids; and, when first needed, each
 * sender's standing and right to write in each conversation. A batch is one instant: a block or
 * a mute committed while it is written applies from the next batch on. The read positions the
 * senders move are written once per conversation and sender, at the end.
 */
final class SendBatch {

    private final Map<Long, Conversation> conversations = new HashMap<>();
    private final Map<Long, Set<Long>> members = new HashMap<>();
    private final Map<String, Message> byClientId = new HashMap<>();
    private final Map<Long, Optional<PlumeException>> standing = new HashMap<>();
    private final Map<String, Optional<PlumeException>> writing = new HashMap<>();
    private final Map<Long, Map<Long, Long>> readTo = new LinkedHashMap<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final Set<Long> senders = new HashSet<>();

    private SendBatch() {}

    /**
     * Locks the batch's conversations that one of its senders is in (in id order, so that two
     * batches never wait for each other in a cycle), then reads their members and the messages
     * stored earlier under the batch's client message ids: after the locks, so that a resend
     * racing its original through another path finds it. The sends' fields have been checked
     * before: a refused one takes no part.
     */
    static SendBatch load(EntityManager em, List<Outgoing> sends) {
        SendBatch batch = new SendBatch();
        Set<Long> ids = new TreeSet<>();
        Set<Long> senders = batch.senders;
        Set<String> clientIds = new HashSet<>();
        for (Outgoing o : sends) {
            ids.add(o.conversationId());
            senders.add(o.caller().accountId());
            if (o.clientMessageId() != null) {
                clientIds.add(o.clientMessageId());
            }
        }
        if (ids.isEmpty()) {
            return batch;
        }
        em.createNamedQuery(Conversation.LOCK_ALL, Conversation.class)
                .setParameter("ids", ids)
                .setParameter("senders", senders)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(c -> batch.conversations.put(c.id(), c));
        if (batch.conversations.isEmpty()) {
            return batch;
        }
        Map<Long, Set<Long>> found = new HashMap<>();
        em.createNamedQuery(ConversationMember.ACCOUNTS_OF_ALL, Object[].class)
                .setParameter("conversations", batch.conversations.keySet())
                .getResultStream()
                .forEach(row -> found.computeIfAbsent((Long) row[0], c -> new HashSet<>())
                        .add((Long) row[1]));
        // Immutable sets: every push of a conversation's messages shares its recipients (Set.copyOf
        // of one is the set itself), instead of copying a large group's members per message.
        found.forEach((conversation, accounts) -> batch.members.put(conversation, Set.copyOf(accounts)));
        if (!clientIds.isEmpty()) {
            em.createNamedQuery(Message.BY_CLIENT_IDS, Message.class)
                    .setParameter("senders", senders)
                    .setParameter("clientIds", clientIds)
                    .getResultStream()
                    .forEach(batch::stored);
        }
        return batch;
    }

    /** The locked conversation, or null when there is none with this id. */
    Conversation conversation(long id) {
        return conversations.get(id);
    }

    /** Its members (the recipients of its messages); empty when there is no such conversation. */
    Set<Long> members(long conversation) {
        return members.getOrDefault(conversation, Set.of());
    }

    /** A message stored under this sender's client message id: before the batch, or earlier in it. */
    Optional<Message> earlier(long sender, String clientMessageId) {
        return Optional.ofNullable(byClientId.get(key(sender, clientMessageId)));
    }

    void stored(Message message) {
        if (message.senderId() != null && message.clientMessageId() != null) {
            byClientId.put(key(message.senderId(), message.clientMessageId()), message);
        }
    }

    /** The batch's senders. */
    Set<Long> senders() {
        return senders;
    }

    /** Senders' standing (ban, mute, unverified address), read for the whole batch at once. */
    void knowStanding(Map<Long, Optional<PlumeException>> refusals) {
        standing.putAll(refusals);
    }

    /** Why this sender may not send at all; known for every sender of the batch. */
    Optional<PlumeException> standing(long sender) {
        return standing.get(sender);
    }

    /**
     * Reads, for all one-to-one sends at once, whether each sender may write to the other person
     * (friends, no block): {@code talkingRefusals} answers for (sender, other person) pairs.
     */
    void knowTalking(
            List<Outgoing> sends,
            Function<Collection<List<Long>>, Map<List<Long>, Optional<PlumeException>>> talkingRefusals) {
        Map<String, List<Long>> pairs = new HashMap<>();
        for (Outgoing o : sends) {
            Conversation c = conversations.get(o.conversationId());
            long me = o.caller().accountId();
            if (c != null
                    && c.kind() == ConversationKind.DIRECT
                    && members(c.id()).contains(me)) {
                pairs.put(writingKey(c.id(), me), List.of(me, c.peerOf(me)));
            }
        }
        if (!pairs.isEmpty()) {
            Map<List<Long>, Optional<PlumeException>> refusals = talkingRefusals.apply(pairs.values());
            pairs.forEach((key, pair) -> writing.put(key, refusals.get(pair)));
        }
    }

    /** Why this account may not write in this conversation (blocked, not friends, muted in the group). */
    Optional<PlumeException> writing(long conversation, long sender, Supplier<Optional<PlumeException>> lookup) {
        return writing.computeIfAbsent(writingKey(conversation, sender), k -> lookup.get());
    }

    /** The sender has read its own message {@code seq}. */
    void readUpTo(long conversation, long sender, long seq) {
        readTo.computeIfAbsent(conversation, c -> new HashMap<>()).merge(sender, seq, Math::max);
    }

    /** One forward-only update per conversation and sender. */
    void advanceReads(EntityManager em) {
        readTo.forEach((conversation, bySender) ->
                bySender.forEach((sender, seq) -> em.createNamedQuery(ConversationMember.ADVANCE_READ)
                        .setParameter("seq", seq)
                        .setParameter("conversation", conversation)
                        .setParameter("account", sender)
                        .executeUpdate()));
    }

    /** A stored message @mentions these members. */
    void mentioned(long conversation, long seq, Collection<Long> accounts) {
        mentions.add(new Mention(conversation, seq, List.copyOf(accounts)));
    }

    /** One forward-only update per message that mentions someone (mentions are rare; at most 50 each). */
    void markMentions(EntityManager em) {
        for (Mention mention : mentions) {
            em.createNamedQuery(ConversationMember.MARK_MENTIONED)
                    .setParameter("seq", mention.seq())
                    .setParameter("conversation", mention.conversation())
                    .setParameter("accounts", mention.accounts())
                    .executeUpdate();
        }
    }

    private record Mention(long conversation, long seq, List<Long> accounts) {}

    private static String writingKey(long conversation, long sender) {
        return conversation + "/" + sender;
    }

    private static String key(long sender, String clientMessageId) {
        return sender + "/" + clientMessageId;
    }
}

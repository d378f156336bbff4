package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.Push;
import chat.plume.social.friends.Blocks;
import chat.plume.social.friends.Friendships;
import chat.plume.social.groups.ChatGroups;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Conversations: opening one with a friend or a group, who is in one, who may write to whom, pin
 * and mute. The list of someone's conversations is {@link ConversationList}'s; keeping a group's
 * conversation in step with the group is {@link GroupConversations}'.
 */
@Stateless
public class Conversations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    @Inject
    Blocks blocks;

    @Inject
    ChatGroups groups;

    @Inject
    ConversationList list;

    @Inject
    Event<Push> push;

    /** The direct conversation with a friend, created the first time. */
    public MessagingViews.Conversation openDirect(Caller caller, long userId) {
        long me = caller.accountId();
        accounts.publicProfile(userId);
        if (userId == me) {
            throw new InvalidInputException("self_conversation", "userId", "A conversation needs someone else.");
        }
        requireMayTalk(me, userId);
        Conversation conversation = em.createNamedQuery(Conversation.BY_DIRECT_KEY, Conversation.class)
                .setParameter("key", Conversation.directKeyOf(me, userId))
                .getResultStream()
                .findFirst()
                .orElseGet(() -> create(Conversation.direct(me, userId, Timestamps.now()), List.of(me, userId)));
        return list.one(participant(conversation.id(), me).orElseThrow(), conversation);
    }

    /** The conversation of a group the caller belongs to. */
    public MessagingViews.Conversation openGroup(Caller caller, long groupId) {
        groups.requireMaySee(groupId, caller.accountId());
        Conversation conversation = ofGroup(groupId);
        return list.one(
                participant(conversation.id(), caller.accountId())
                        .orElseThrow(
                                () -> new AccessDeniedException("not_member", "You are not a member of this group.")),
                conversation);
    }

    public MessagingViews.Conversation get(Caller caller, long conversationId) {
        ConversationMember membership = require(conversationId, caller.accountId());
        return list.one(membership, em.find(Conversation.class, conversationId));
    }

    /** Pin or mute (a muted conversation still counts unread, but does not notify). */
    public MessagingViews.Conversation settings(Caller caller, long conversationId, Boolean pinned, Boolean muted) {
        ConversationMember membership = require(conversationId, caller.accountId());
        // Changed column by column, so that a read position moved meanwhile is not written back.
        if (pinned != null) {
            em.createQuery(
                            "update ConversationMember m set m.pinned = :value where m.conversationId = :c and m.accountId = :a")
                    .setParameter("value", pinned)
                    .setParameter("c", conversationId)
                    .setParameter("a", caller.accountId())
                    .executeUpdate();
        }
        if (muted != null) {
            em.createQuery(
                            "update ConversationMember m set m.muted = :value where m.conversationId = :c and m.accountId = :a")
                    .setParameter("value", muted)
                    .setParameter("c", conversationId)
                    .setParameter("a", caller.accountId())
                    .executeUpdate();
        }
        em.refresh(membership);
        MessagingViews.Conversation view = list.one(membership, em.find(Conversation.class, conversationId));
        push.fire(Push.to(caller.accountId(), new MessagingFrames.ConversationUpdated(view)));
        return view;
    }

    /**
     * The caller's place in a conversation. Not being in it and it not existing get the same
     * answer (403 {@code forbidden}), so conversation ids cannot be probed.
     */
    public ConversationMember require(long conversationId, long accountId) {
        return participant(conversationId, accountId)
                .orElseThrow(() -> new AccessDeniedException("forbidden", "You are not in this conversation."));
    }

    /**
     * The other person of a direct conversation the caller is in; empty for a group conversation.
     * Refuses (403 {@code forbidden}) when the caller is not in it.
     */
    public Optional<Long> peerIn(long conversationId, long me) {
        require(conversationId, me);
        Conversation conversation = em.find(Conversation.class, conversationId);
        return conversation.kind() == ConversationKind.DIRECT ? Optional.of(conversation.peerOf(me)) : Optional.empty();
    }

    public Optional<ConversationMember> participant(long conversationId, long accountId) {
        return em.createNamedQuery(ConversationMember.ONE, ConversationMember.class)
                .setParameter("conversation", conversationId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Whether someone may manage what is attached to a conversation (its incoming hooks): a
     * participant of a one-to-one chat, the owner or an admin of a group's.
     */
    public boolean isOwner(long conversationId, long accountId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null || participant(conversationId, accountId).isEmpty()) {
            return false;
        }
        if (conversation.kind() == ConversationKind.DIRECT) {
            return true;
        }
        var member = groups.membership(conversation.groupId(), accountId);
        return member != null && member.role().manages();
    }

    /** Whether two people may write to each other (for quiet checks such as typing). */
    public boolean mayTalk(long me, long other) {
        return !blocks.eitherWay(me, other) && friendships.areFriends(me, other);
    }

    /** Two people may write to each other while they are friends and neither has blocked the other. */
    public void requireMayTalk(long me, long other) {
        Optional<PlumeException> refusal = talkingRefusal(me, other);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Why two people may not write to each other, returned rather than thrown (see {@code ChatGroups.speakingRefusal}). */
    public Optional<PlumeException> talkingRefusal(long me, long other) {
        return talkingRefusal(() -> blocks.eitherWay(me, other), () -> friendships.areFriends(me, other));
    }

    /**
     * {@link #talkingRefusal} for several (me, other) pairs, in two queries whatever their number
     * (a send batch's one-to-one sends); each pair as {@code List.of(me, other)}.
     */
    public Map<List<Long>, Optional<PlumeException>> talkingRefusals(Collection<List<Long>> pairs) {
        Set<List<Long>> blocked =
                blocks.among(pairs.stream().flatMap(List::stream).collect(Collectors.toSet()));
        Set<List<Long>> friends = friendships.friendsAmong(pairs);
        Map<List<Long>, Optional<PlumeException>> refusals = new HashMap<>();
        for (List<Long> pair : pairs) {
            refusals.put(
                    pair,
                    talkingRefusal(
                            () -> blocked.contains(pair) || blocked.contains(List.of(pair.get(1), pair.get(0))),
                            () -> friends.contains(pair)));
        }
        return refusals;
    }

    private static Optional<PlumeException> talkingRefusal(BooleanSupplier blocked, BooleanSupplier friends) {
        if (blocked.getAsBoolean()) {
            return Optional.of(new AccessDeniedException("blocked", "You cannot message this person."));
        }
        if (!friends.getAsBoolean()) {
            return Optional.of(new AccessDeniedException("not_friend", "You can only message your friends."));
        }
        return Optional.empty();
    }

    /** The group's conversation, made with the group's current members when first needed. */
    public Conversation ofGroup(long groupId) {
        return em.createNamedQuery(Conversation.BY_GROUP, Conversation.class)
                .setParameter("group", groupId)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> create(Conversation.ofGroup(groupId, Timestamps.now()), groups.memberIds(groupId)));
    }

    private Conversation create(Conversation conversation, Collection<Long> members) {
        try {
            em.persist(conversation);
            em.flush();
            for (long member : members) {
                em.persist(new ConversationMember(conversation.id(), member, 0, Timestamps.now()));
            }
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            throw new DuplicateEntityException(
                    "concurrent_change", null, "Opened at the same time elsewhere; try again.");
        }
        return conversation;
    }
}

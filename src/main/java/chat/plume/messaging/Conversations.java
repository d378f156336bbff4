package chat.plume.messaging;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.PlumeException;
import chat.plume.platform.events.GroupActivity;
import chat.plume.platform.events.Push;
import chat.plume.social.friends.Blocks;
import chat.plume.social.friends.Friendships;
import chat.plume.social.groups.ChatGroups;
import chat.plume.social.groups.GroupViews;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations: opening one with a friend or a group, the caller's list with unread counts,
 * pin and mute, and keeping group conversations' participants in step with group membership.
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
    Messages messages;

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
        return view(conversation, participant(conversation.id(), me).orElseThrow());
    }

    /** The conversation of a group the caller belongs to. */
    public MessagingViews.Conversation openGroup(Caller caller, long groupId) {
        groups.requireMaySee(groupId, caller.accountId());
        Conversation conversation = ofGroup(groupId);
        return view(
                conversation,
                participant(conversation.id(), caller.accountId())
                        .orElseThrow(
                                () -> new AccessDeniedException("not_member", "You are not a member of this group.")));
    }

    public List<MessagingViews.Conversation> list(Caller caller) {
        List<ConversationMember> mine = em.createNamedQuery(ConversationMember.OF_ACCOUNT, ConversationMember.class)
                .setParameter("account", caller.accountId())
                .getResultList();
        List<MessagingViews.Conversation> views = new ArrayList<>();
        for (ConversationMember membership : mine) {
            views.add(view(em.find(Conversation.class, membership.conversationId()), membership));
        }
        views.sort(Comparator.comparing(MessagingViews.Conversation::pinned)
                .reversed()
                .thenComparing(
                        c -> c.lastMessageAt() == null ? Instant.EPOCH : c.lastMessageAt(), Comparator.reverseOrder()));
        return views;
    }

    public MessagingViews.Conversation get(Caller caller, long conversationId) {
        ConversationMember membership = require(conversationId, caller.accountId());
        return view(em.find(Conversation.class, conversationId), membership);
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
        MessagingViews.Conversation view = view(em.find(Conversation.class, conversationId), membership);
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

    public Optional<ConversationMember> participant(long conversationId, long accountId) {
        return em.createNamedQuery(ConversationMember.ONE, ConversationMember.class)
                .setParameter("conversation", conversationId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    public List<ConversationMember> participants(long conversationId) {
        return em.createNamedQuery(ConversationMember.OF_CONVERSATION, ConversationMember.class)
                .setParameter("conversation", conversationId)
                .getResultList();
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
        if (blocks.eitherWay(me, other)) {
            return Optional.of(new AccessDeniedException("blocked", "You cannot message this person."));
        }
        if (!friendships.areFriends(me, other)) {
            return Optional.of(new AccessDeniedException("not_friend", "You can only message your friends."));
        }
        return Optional.empty();
    }

    /**
     * Keeps a group conversation's participants equal to the group's members, in the group's own
     * transaction, and writes the system message that tells everyone what happened.
     */
    public void onGroupActivity(@Observes GroupActivity activity) {
        Conversation conversation = ofGroup(activity.groupId());
        switch (activity.type()) {
            case "joined" -> {
                if (participant(conversation.id(), activity.user()).isEmpty()) {
                    em.persist(new ConversationMember(
                            conversation.id(), activity.user(), conversation.lastSeq(), Timestamps.now()));
                    em.flush();
                }
                messages.system(conversation, activity);
            }
            case "left", "removed" -> {
                messages.system(conversation, activity);
                em.createNamedQuery(ConversationMember.REMOVE)
                        .setParameter("conversation", conversation.id())
                        .setParameter("account", activity.user())
                        .executeUpdate();
            }
            case "dissolved" -> {
                messages.system(conversation, activity);
                participants(conversation.id()).forEach(em::remove);
            }
            default -> messages.system(conversation, activity);
        }
    }

    /** The group's conversation, made with the group's current members when first needed. */
    Conversation ofGroup(long groupId) {
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

    MessagingViews.Conversation view(Conversation c, ConversationMember mine) {
        PublicProfile peer = null;
        MessagingViews.GroupRef group = null;
        Long peerRead = null;
        if (c.kind() == ConversationKind.DIRECT) {
            long other = c.peerOf(mine.accountId());
            peer = accounts.publicProfiles(List.of(other)).get(other);
            peerRead =
                    participant(c.id(), other).map(ConversationMember::readSeq).orElse(null);
        } else {
            GroupViews.Group g = groups.get(mine.accountId(), c.groupId());
            group = new MessagingViews.GroupRef(g.id(), g.name(), g.number(), g.avatar());
        }
        MessagingViews.Message last = c.lastSeq() == 0 ? null : messages.lastOf(c);
        return new MessagingViews.Conversation(
                c.id(),
                c.kind().name().toLowerCase(Locale.ROOT),
                peer,
                group,
                c.lastSeq(),
                mine.readSeq(),
                Math.max(0, c.lastSeq() - mine.readSeq()),
                last,
                Timestamps.toInstant(c.lastMessageAt()),
                mine.pinned(),
                mine.muted(),
                peerRead);
    }

    /** Titles for search results. */
    public String titleOf(Conversation c, long viewer) {
        if (c.kind() == ConversationKind.DIRECT) {
            Map<Long, PublicProfile> people = accounts.publicProfiles(List.of(c.peerOf(viewer)));
            PublicProfile peer = people.get(c.peerOf(viewer));
            return peer == null ? "" : peer.displayName();
        }
        return groups.get(viewer, c.groupId()).name();
    }
}

package chat.plume.social.friends;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.events.PresenceChanged;
import chat.plume.platform.events.PresenceDirectory;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Friendships: pages of the caller's friends with their remarks and groups, making and ending
 * friendships, and presence for friends.
 *
 * <p>Deleting a friend ends the friendship on both sides (unlike QQ's one-sided deletion): a
 * friendship is what lets two people message each other, so it must mean the same thing to
 * both; a one-sided friend list would show someone you can no longer reach.
 */
@Stateless
public class Friendships {

    /** The largest page of friends one request returns. */
    static final int MAX_PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    ContactGroups groups;

    @Inject
    PresenceDirectory presence;

    @Inject
    Event<Push> push;

    /** A page of the caller's friends after {@code afterId}, by account id: two queries whatever its size. */
    public FriendViews.Page friends(Caller caller, long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<Friendship> sides = em.createNamedQuery(Friendship.OF_OWNER, Friendship.class)
                .setParameter("owner", caller.accountId())
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        Map<Long, PublicProfile> people =
                accounts.publicProfiles(sides.stream().map(Friendship::friendId).toList());
        // Whether more follow is decided by the rows read, not the friends kept.
        Long next = sides.size() == size ? sides.get(size - 1).friendId() : null;
        return new FriendViews.Page(
                sides.stream()
                        .filter(f -> people.containsKey(f.friendId()))
                        .map(f -> view(f, people.get(f.friendId())))
                        .toList(),
                next);
    }

    /** Sets the caller's remark for a friend and the contact group they are filed under. */
    public FriendViews.Friend update(Caller caller, long friendId, String remark, Long contactGroupId) {
        Friendship side = side(caller.accountId(), friendId)
                .orElseThrow(() -> new MissingEntityException("friend_not_found", "Not a friend of yours."));
        side.setRemark(remark == null || remark.isBlank() ? null : remark.strip());
        if (contactGroupId != null) {
            side.moveTo(groups.own(caller, contactGroupId).id());
        }
        FriendViews.Friend view = view(side, accounts.publicProfile(friendId));
        push.fire(Push.to(caller.accountId(), new FriendFrames.FriendUpdated(view)));
        return view;
    }

    public void remove(Caller caller, long friendId) {
        if (!endIfFriends(caller.accountId(), friendId)) {
            throw new MissingEntityException("friend_not_found", "Not a friend of yours.");
        }
    }

    /** Makes two people friends, each filed in their default group, and tells both. */
    public void befriend(long a, long b) {
        Friendship aSide = new Friendship(a, b, groups.defaultOf(a).id(), Timestamps.now());
        Friendship bSide = new Friendship(b, a, groups.defaultOf(b).id(), Timestamps.now());
        em.persist(aSide);
        em.persist(bSide);
        em.flush();
        Map<Long, PublicProfile> people = accounts.publicProfiles(List.of(a, b));
        push.fire(Push.to(a, new FriendFrames.FriendAdded(view(aSide, people.get(b)))));
        push.fire(Push.to(b, new FriendFrames.FriendAdded(view(bSide, people.get(a)))));
    }

    /** Ends a friendship on both sides; returns whether there was one. */
    public boolean endIfFriends(long a, long b) {
        List<Friendship> sides = em.createNamedQuery(Friendship.BETWEEN, Friendship.class)
                .setParameter("a", a)
                .setParameter("b", b)
                .getResultList();
        sides.forEach(em::remove);
        if (sides.isEmpty()) {
            return false;
        }
        push.fire(Push.to(a, new FriendFrames.FriendRemoved(b)));
        push.fire(Push.to(b, new FriendFrames.FriendRemoved(a)));
        return true;
    }

    public boolean areFriends(long a, long b) {
        return side(a, b).isPresent();
    }

    /**
     * Which of these (owner, friend) pairs are friends, in one query: each as
     * {@code List.of(owner, friend)}. Friendship has a row each way, so the owner's side answers.
     */
    public Set<List<Long>> friendsAmong(Collection<List<Long>> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        Set<Long> owners = pairs.stream().map(p -> p.get(0)).collect(Collectors.toSet());
        Set<Long> friends = pairs.stream().map(p -> p.get(1)).collect(Collectors.toSet());
        Set<List<Long>> found = em.createNamedQuery(Friendship.PAIRS_AMONG, Object[].class)
                .setParameter("owners", owners)
                .setParameter("friends", friends)
                .getResultStream()
                .map(row -> List.of((Long) row[0], (Long) row[1]))
                .collect(Collectors.toCollection(HashSet::new));
        found.retainAll(new HashSet<>(pairs));
        return found;
    }

    public List<Long> friendIds(long accountId) {
        return em.createNamedQuery(Friendship.FRIEND_IDS, Long.class)
                .setParameter("owner", accountId)
                .getResultList();
    }

    /**
     * A user's presence goes to their friends (a block ends a friendship, so no blocked person is
     * among them). The status sent is the registry's at this moment, not the event's: events of
     * one user can be observed out of order when a tab closes while another opens, and a
     * repeated "online" is harmless where a stale "offline" would be wrong.
     */
    public void onPresence(@Observes PresenceChanged changed) {
        List<Long> friends = friendIds(changed.accountId());
        if (!friends.isEmpty()) {
            PresenceChanged now = new PresenceChanged(changed.accountId(), presence.isOnline(changed.accountId()));
            push.fire(Push.to(friends, now.frame()));
        }
    }

    private Optional<Friendship> side(long owner, long friend) {
        return em.createNamedQuery(Friendship.BETWEEN, Friendship.class)
                .setParameter("a", owner)
                .setParameter("b", friend)
                .getResultStream()
                .filter(f -> f.ownerId() == owner)
                .findFirst();
    }

    private FriendViews.Friend view(Friendship side, PublicProfile friend) {
        return new FriendViews.Friend(
                friend,
                side.remark(),
                side.contactGroupId(),
                presence.isOnline(side.friendId()),
                Timestamps.toInstant(side.createdAt()));
    }

    /** How many friends an account has (for the admin console). */
    public long countOf(long accountId) {
        return em.createQuery("select count(f) from Friendship f where f.ownerId = :owner", Long.class)
                .setParameter("owner", accountId)
                .getSingleResult();
    }
}

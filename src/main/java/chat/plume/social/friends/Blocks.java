package chat.plume.social.friends;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blocks (拉黑). Blocking someone ends any friendship and any pending request between the two,
 * and from then on the blocked person cannot send a request, message, or see the blocker's
 * presence. Only the blocker is told; the blocked person sees the friendship end, nothing more.
 */
@Stateless
public class Blocks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    @Inject
    FriendRequests requests;

    @Inject
    Event<Push> push;

    public void block(Caller caller, long targetId) {
        if (targetId == caller.accountId()) {
            throw new InvalidInputException("self_block", "userId", "You cannot block yourself.");
        }
        accounts.publicProfile(targetId);
        if (blocks(caller.accountId(), targetId)) {
            return;
        }
        em.persist(new Block(caller.accountId(), targetId, Timestamps.now()));
        friendships.endIfFriends(caller.accountId(), targetId);
        requests.cancelPendingBetween(caller.accountId(), targetId);
        push.fire(Push.to(caller.accountId(), FriendFrames.BlockChanged.of(true, targetId)));
    }

    public void unblock(Caller caller, long targetId) {
        List<Block> found = em.createNamedQuery(Block.EITHER_WAY, Block.class)
                .setParameter("a", caller.accountId())
                .setParameter("b", targetId)
                .getResultStream()
                .filter(b -> b.blockerId() == caller.accountId())
                .toList();
        found.forEach(em::remove);
        if (!found.isEmpty()) {
            push.fire(Push.to(caller.accountId(), FriendFrames.BlockChanged.of(false, targetId)));
        }
    }

    public List<FriendViews.Blocked> list(Caller caller) {
        List<Block> blocks = em.createNamedQuery(Block.BY_BLOCKER, Block.class)
                .setParameter("blocker", caller.accountId())
                .getResultList();
        Map<Long, PublicProfile> people =
                accounts.publicProfiles(blocks.stream().map(Block::blockedId).toList());
        return blocks.stream()
                .filter(b -> people.containsKey(b.blockedId()))
                .map(b -> new FriendViews.Blocked(people.get(b.blockedId()), Timestamps.toInstant(b.createdAt())))
                .toList();
    }

    /** Whether {@code blocker} has blocked {@code blocked}. */
    public boolean blocks(long blocker, long blocked) {
        return em.createNamedQuery(Block.EITHER_WAY, Block.class)
                .setParameter("a", blocker)
                .setParameter("b", blocked)
                .getResultStream()
                .anyMatch(b -> b.blockerId() == blocker);
    }

    /** (blocker, blocked) of the blocks among these people, in one query: each as {@code List.of(blocker, blocked)}. */
    public Set<List<Long>> among(Collection<Long> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return em.createNamedQuery(Block.AMONG, Object[].class)
                .setParameter("people", people)
                .getResultStream()
                .map(row -> List.of((Long) row[0], (Long) row[1]))
                .collect(Collectors.toSet());
    }

    /** Whether either has blocked the other. */
    public boolean eitherWay(long a, long b) {
        return !em.createNamedQuery(Block.EITHER_WAY, Block.class)
                .setParameter("a", a)
                .setParameter("b", b)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}

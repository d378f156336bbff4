package chat.plume.social.friends;

import chat.plume.identity.boundary.Accounts;
import chat.plume.identity.boundary.Caller;
import chat.plume.identity.boundary.PublicProfile;
import chat.plume.platform.Constraints;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.AccessDeniedException;
import chat.plume.platform.error.DuplicateEntityException;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.error.MissingEntityException;
import chat.plume.platform.error.RateLimitedException;
import chat.plume.platform.events.Push;
import chat.plume.social.RequestStatus;
import chat.plume.social.SocialSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Friend requests (好友申请): send with an optional message, accept, decline, cancel. Both people
 * see every change at once. A request to someone who has already asked you is taken as
 * accepting theirs.
 */
@Stateless
public class FriendRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Friendships friendships;

    @Inject
    Blocks blocks;

    @Inject
    SocialSettings settings;

    @Inject
    Event<Push> push;

    public FriendViews.Request send(Caller caller, long recipientId, String message) {
        // A bot never starts a conversation with a stranger: people add it, it does not add them.
        caller.refuseBot();
        long me = caller.accountId();
        if (recipientId == me) {
            throw new InvalidInputException("self_request", "userId", "You cannot befriend yourself.");
        }
        accounts.publicProfile(recipientId);
        if (blocks.eitherWay(me, recipientId)) {
            throw new AccessDeniedException("blocked", "You cannot send a request to this person.");
        }
        if (friendships.areFriends(me, recipientId)) {
            throw new DuplicateEntityException("already_friends", "userId", "You are already friends.");
        }
        Optional<FriendRequest> open = pendingBetween(me, recipientId);
        if (open.isPresent()) {
            if (open.get().requesterId() == recipientId) {
                return decide(caller, open.get(), RequestStatus.ACCEPTED);
            }
            throw new DuplicateEntityException("request_pending", "userId", "Your request is already waiting.");
        }
        requireCooledDown(me, recipientId);
        FriendRequest request = new FriendRequest(me, recipientId, blankToNull(message), Timestamps.now());
        try {
            em.persist(request);
            em.flush();
        } catch (PersistenceException e) {
            if (!Constraints.isIntegrityViolation(e)) {
                throw e;
            }
            // The other person asked at the same moment: the pending-pair key let only one through.
            throw new DuplicateEntityException(
                    "request_pending", "userId", "A request between you is already waiting.");
        }
        return announce("created", request);
    }

    public FriendViews.Request accept(Caller caller, long requestId) {
        FriendRequest request = addressedTo(caller, requestId);
        if (blocks.eitherWay(request.requesterId(), request.recipientId())) {
            throw new AccessDeniedException("blocked", "You cannot accept this request.");
        }
        return decide(caller, request, RequestStatus.ACCEPTED);
    }

    public FriendViews.Request decline(Caller caller, long requestId) {
        return decide(caller, addressedTo(caller, requestId), RequestStatus.DECLINED);
    }

    public void cancel(Caller caller, long requestId) {
        FriendRequest request = visible(caller, requestId);
        if (request.requesterId() != caller.accountId()) {
            throw new AccessDeniedException("not_requester", "Only who sent a request can cancel it.");
        }
        requirePending(request);
        request.decide(RequestStatus.CANCELLED, Timestamps.now());
        flushDecision();
        announce("cancelled", request);
    }

    /** The caller's pending requests, incoming and outgoing, newest first. */
    public FriendViews.Requests pending(Caller caller) {
        List<FriendRequest> all = em.createNamedQuery(FriendRequest.PENDING_OF, FriendRequest.class)
                .setParameter("account", caller.accountId())
                .getResultList();
        Map<Long, PublicProfile> people = accounts.publicProfiles(all.stream()
                .flatMap(r -> Stream.of(r.requesterId(), r.recipientId()))
                .distinct()
                .toList());
        List<FriendViews.Request> incoming = all.stream()
                .filter(r -> r.recipientId() == caller.accountId())
                .map(r -> view(r, people))
                .toList();
        List<FriendViews.Request> outgoing = all.stream()
                .filter(r -> r.requesterId() == caller.accountId())
                .map(r -> view(r, people))
                .toList();
        return new FriendViews.Requests(incoming, outgoing);
    }

    /** Used when one blocks the other: whatever was pending between them is withdrawn. */
    public void cancelPendingBetween(long a, long b) {
        pendingBetween(a, b).ifPresent(request -> {
            request.decide(RequestStatus.CANCELLED, Timestamps.now());
            announce("cancelled", request);
        });
    }

    private FriendViews.Request decide(Caller caller, FriendRequest request, RequestStatus outcome) {
        requirePending(request);
        request.decide(outcome, Timestamps.now());
        flushDecision();
        if (outcome == RequestStatus.ACCEPTED) {
            friendships.befriend(request.requesterId(), request.recipientId());
        }
        return announce(outcome == RequestStatus.ACCEPTED ? "accepted" : "declined", request);
    }

    /** A request the caller received; the sender may not decide it, a stranger may not see it. */
    private FriendRequest addressedTo(Caller caller, long requestId) {
        FriendRequest request = visible(caller, requestId);
        if (request.recipientId() != caller.accountId()) {
            throw new AccessDeniedException("not_recipient", "Only the recipient can answer a request.");
        }
        return request;
    }

    private FriendRequest visible(Caller caller, long requestId) {
        FriendRequest request = em.find(FriendRequest.class, requestId);
        if (request == null || !request.involves(caller.accountId())) {
            throw new MissingEntityException("request_not_found", "No such friend request.");
        }
        return request;
    }

    private static void requirePending(FriendRequest request) {
        if (!request.isPending()) {
            throw new DuplicateEntityException("request_not_pending", null, "This request has already been answered.");
        }
    }

    /** Two answers to the same request at once: the version lets only the first one through. */
    private void flushDecision() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new DuplicateEntityException("request_not_pending", null, "This request has already been answered.");
        }
    }

    private void requireCooledDown(long requester, long recipient) {
        Optional<FriendRequest> declined = em.createNamedQuery(FriendRequest.LAST_DECLINED, FriendRequest.class)
                .setParameter("requester", requester)
                .setParameter("recipient", recipient)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
        if (declined.isPresent()) {
            LocalDateTime allowedFrom = declined.get().decidedAt().plus(settings.declineCooldown());
            LocalDateTime now = Timestamps.now();
            if (now.isBefore(allowedFrom)) {
                throw new RateLimitedException(
                        "request_cooldown",
                        Duration.between(now, allowedFrom),
                        "Your last request was declined. You can ask again later.");
            }
        }
    }

    private Optional<FriendRequest> pendingBetween(long a, long b) {
        return em.createNamedQuery(FriendRequest.PENDING_BETWEEN, FriendRequest.class)
                .setParameter("pair", FriendRequest.pairOf(a, b))
                .getResultStream()
                .findFirst();
    }

    private FriendViews.Request announce(String event, FriendRequest request) {
        FriendViews.Request view =
                view(request, accounts.publicProfiles(List.of(request.requesterId(), request.recipientId())));
        push.fire(Push.to(
                List.of(request.requesterId(), request.recipientId()), FriendFrames.RequestChanged.of(event, view)));
        return view;
    }

    private static FriendViews.Request view(FriendRequest r, Map<Long, PublicProfile> people) {
        return new FriendViews.Request(
                r.id(),
                people.get(r.requesterId()),
                people.get(r.recipientId()),
                r.message(),
                r.status().name().toLowerCase(Locale.ROOT),
                Timestamps.toInstant(r.createdAt()),
                Timestamps.toInstant(r.decidedAt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

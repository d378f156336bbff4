package chat.plume.messaging;

import chat.plume.identity.boundary.Caller;
import chat.plume.platform.Timestamps;
import chat.plume.platform.error.InvalidInputException;
import chat.plume.platform.events.Push;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Voting in polls: one vote per person and poll, changed or taken back at will, by whoever may
 * write in the conversation. Votes of one poll are serialized by its message's row lock, and
 * after each the poll's standing (votes per option, voters) goes to everyone in the conversation
 * ({@code poll.updated}); which option someone chose is theirs alone (their history says it).
 */
@Stateless
public class Polls {

    @PersistenceContext
    EntityManager em;

    @Inject
    Conversations conversations;

    @Inject
    MessageAccess access;

    @Inject
    Event<Push> push;

    /** Votes for {@code option} (counted from 0), or takes the vote back ({@code null}); returns the standing. */
    public MessagingViews.PollView vote(Caller caller, long conversationId, long seq, Integer option) {
        long me = caller.accountId();
        conversations.require(conversationId, me);
        access.requireMayWrite(em.find(Conversation.class, conversationId), me);
        Message message = access.lockedAt(conversationId, seq);
        if (message.kind() != MessageKind.POLL || message.isRecalled()) {
            throw new InvalidInputException("not_a_poll", "seq", "That message is not a poll.");
        }
        int count = optionCount(message.body());
        if (option != null && (option < 0 || option >= count)) {
            throw new InvalidInputException(
                    "invalid_option", "option", "Choose an option from 0 to " + (count - 1) + ", or none.");
        }
        PollVote vote = em.find(PollVote.class, new PollVote.Key(message.id(), me));
        if (option == null) {
            if (vote != null) {
                em.remove(vote);
            }
        } else if (vote == null) {
            em.persist(new PollVote(message.id(), me, option, Timestamps.now()));
        } else {
            vote.change(option, Timestamps.now());
        }
        em.flush();
        MessagingViews.PollView standing =
                standing(em, Map.of(message.id(), count)).get(message.id());
        push.fire(Push.to(
                access.recipients(conversationId),
                new MessagingFrames.PollUpdated(conversationId, seq, standing.votes(), standing.voters())));
        return new MessagingViews.PollView(standing.votes(), standing.voters(), option);
    }

    /** Which option the person chose in each of these polls (messages they did not vote in are left out). */
    public Map<Long, Integer> votesOf(long accountId, Collection<Long> pollIds) {
        if (pollIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> mine = new HashMap<>();
        em.createQuery(
                        "select v.messageId, v.option from PollVote v where v.accountId = :me and v.messageId in :ids",
                        Object[].class)
                .setParameter("me", accountId)
                .setParameter("ids", pollIds)
                .getResultStream()
                .forEach(row -> mine.put((Long) row[0], ((Number) row[1]).intValue()));
        return mine;
    }

    /** How many options a poll's body has (0 if it cannot be read). */
    static int optionCount(String body) {
        if (body == null) {
            return 0;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonArray("options").size();
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    /** The standing of these polls ({@code id → number of options}), in one grouped query. */
    static Map<Long, MessagingViews.PollView> standing(EntityManager em, Map<Long, Integer> optionCounts) {
        Map<Long, List<Integer>> votes = new HashMap<>();
        optionCounts.forEach((id, count) -> votes.put(id, new ArrayList<>(Collections.nCopies(count, 0))));
        em.createQuery(
                        "select v.messageId, v.option, count(v) from PollVote v where v.messageId in :ids"
                                + " group by v.messageId, v.option",
                        Object[].class)
                .setParameter("ids", optionCounts.keySet())
                .getResultStream()
                .forEach(row -> {
                    List<Integer> counts = votes.get((Long) row[0]);
                    int option = ((Number) row[1]).intValue();
                    if (counts != null && option >= 0 && option < counts.size()) {
                        counts.set(option, ((Number) row[2]).intValue());
                    }
                });
        Map<Long, MessagingViews.PollView> standing = new HashMap<>();
        votes.forEach((id, counts) -> standing.put(
                id,
                new MessagingViews.PollView(
                        List.copyOf(counts),
                        counts.stream().mapToInt(Integer::intValue).sum(),
                        null)));
        return standing;
    }
}

package chat.plume.platform.events;

import java.util.Collection;
import java.util.Set;

/**
 * "Tell these users this": fired by a feature inside its transaction, delivered by
 * {@code realtime} to every connection of every recipient only once the transaction has
 * committed (never state that is later rolled back), and dropped if it rolls back.
 *
 * @param recipients account ids, or null for everyone connected (an announcement)
 * @param frame a record with a {@code type} component, encoded to JSON once for all recipients
 * @param order where the push stands in a numbered stream (a conversation's messages), or null:
 *     pushes of one stream are delivered in that order whichever transaction made them
 */
public record Push(Set<Long> recipients, Object frame, Order order) {

    /** Position {@code seq} of the stream {@code stream} (e.g. a conversation id and a message's seq). */
    public record Order(long stream, long seq) {}

    public static Push to(Collection<Long> recipients, Object frame) {
        return new Push(Set.copyOf(recipients), frame, null);
    }

    public static Push to(long recipient, Object frame) {
        return new Push(Set.of(recipient), frame, null);
    }

    /** A push to every connected person (an announcement to all). */
    public static Push toEveryone(Object frame) {
        return new Push(null, frame, null);
    }

    public boolean isToEveryone() {
        return recipients == null;
    }

    /** A push that is delivered after the ones before it in its stream. */
    public static Push ordered(Collection<Long> recipients, Object frame, long stream, long seq) {
        return new Push(Set.copyOf(recipients), frame, new Order(stream, seq));
    }
}

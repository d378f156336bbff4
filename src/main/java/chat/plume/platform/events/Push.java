package chat.plume.platform.events;

import java.util.Collection;
import java.util.Set;

/**
 * "Tell these users this": fired by a feature inside its transaction, delivered by
 * {@code realtime} to every connection of every recipient only once the transaction has
 * committed (never state that is later rolled back), and dropped if it rolls back.
 *
 * @param recipients account ids
 * @param frame a record with a {@code type} component, encoded to JSON once for all recipients
 */
public record Push(Set<Long> recipients, Object frame) {

    public static Push to(Collection<Long> recipients, Object frame) {
        return new Push(Set.copyOf(recipients), frame);
    }

    public static Push to(long recipient, Object frame) {
        return new Push(Set.of(recipient), frame);
    }
}

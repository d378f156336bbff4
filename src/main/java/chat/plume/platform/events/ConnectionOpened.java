package chat.plume.platform.events;

/**
 * One device's connection opened on this node (every one, not only a person's first: calls ring
 * and drop per device). Observed off any transaction, in order per person, after
 * {@link PresenceChanged} for the same moment.
 *
 * @param accountId whose connection it is
 * @param connectionId the connection, unique on this node
 */
public record ConnectionOpened(long accountId, String connectionId) {}

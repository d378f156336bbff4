package chat.plume.platform.events;

/**
 * One device's connection closed on this node, whoever ended it (the client, a sign-out, the
 * heartbeat, a slow-consumer close). Fired exactly once per {@link ConnectionOpened}, off any
 * transaction, in order per person.
 *
 * @param accountId whose connection it was
 * @param connectionId the connection
 */
public record ConnectionClosed(long accountId, String connectionId) {}

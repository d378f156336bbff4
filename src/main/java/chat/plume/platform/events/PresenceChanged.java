package chat.plume.platform.events;

/**
 * A user's first connection on this node opened ({@code online}) or the last one closed.
 * Fired as a CDI event so that features that decide who may see presence (friends, groups)
 * can push it to their audience without the gateway knowing any social rule.
 *
 * <p>Always fired off any transaction, on a thread of its own, one at a time per user: a
 * connection can be closed from inside another transaction's completion (a sign-out), where
 * observers could not query the database.
 */
public record PresenceChanged(long accountId, boolean online) {

    /** The {@code presence} frame that tells someone about this change (docs/protocol.md). */
    public record Frame(String type, long user, String status) {}

    public Frame frame() {
        return new Frame("presence", accountId, online ? "online" : "offline");
    }
}

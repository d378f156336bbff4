package chat.plume.realtime;

/**
 * A user's first connection on this node opened ({@code online}) or the last one closed.
 * Fired as a CDI event so that features that decide who may see presence (friends, groups)
 * can push it to their audience without the gateway knowing any social rule.
 */
public record PresenceChanged(long accountId, boolean online) {
}

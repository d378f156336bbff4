package chat.plume.identity.boundary;

/**
 * An account's role changed (an administrator's action, or the configured first administrator at
 * startup). Observed after commit by whatever holds something open on the strength of the old
 * role — the admin dashboard's live streams.
 */
public record RoleChanged(long accountId) {}

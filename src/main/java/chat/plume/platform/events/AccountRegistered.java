package chat.plume.platform.events;

/**
 * An account was created. Fired inside the registration transaction, so that features can set up
 * what every account has (a default contact group) atomically with the account itself.
 */
public record AccountRegistered(long accountId) {}

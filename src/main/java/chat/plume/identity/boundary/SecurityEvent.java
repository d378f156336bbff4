package chat.plume.identity.boundary;

/**
 * Something about an account's security that an operator must be able to find later: two-factor
 * authentication turned on or off, a recovery code used, sign-in locked after repeated failures,
 * the admin role granted from configuration. Fired synchronously; {@code admin} records each in the
 * audit log in a transaction of its own (so a refusal that rolls back its own work is still
 * recorded). Identity knows nothing of the audit log.
 *
 * @param action the audit action, e.g. {@code account.two_factor_on}
 * @param clientAddress where the request came from, when there was one
 */
public record SecurityEvent(String action, Long accountId, String username, String detail, String clientAddress) {}

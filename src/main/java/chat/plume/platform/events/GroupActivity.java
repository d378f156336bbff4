package chat.plume.platform.events;

/**
 * Something happened to a chat group's membership or profile. Fired by {@code social} inside
 * its transaction; {@code messaging} keeps the group conversation's participants in step and
 * writes the system message ("Anna joined") in the same transaction.
 *
 * @param groupId the group
 * @param type {@code created}, {@code joined}, {@code left}, {@code removed}, {@code renamed} or
 *     {@code dissolved}; {@code expelled} (removed) and {@code closed} (dissolved) when one of
 *     Plume's administrators did it, who is not a member and is not named
 * @param user whom it is about (the member; for created and renamed, who did it)
 * @param by who caused it, when someone else than {@code user} did
 * @param detail the new name for {@code renamed}; the administrator's reason for {@code closed}
 */
public record GroupActivity(long groupId, String type, Long user, Long by, String detail) {}

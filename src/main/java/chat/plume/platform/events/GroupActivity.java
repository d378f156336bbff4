package chat.plume.platform.events;

/**
 * Something happened to a chat group's membership or profile. Fired by {@code social} inside
 * its transaction; {@code messaging} keeps the group conversation's participants in step and
 * writes the system message ("Anna joined") in the same transaction.
 *
 * @param groupId the group
 * @param type {@code created}, {@code joined}, {@code left}, {@code removed}, {@code renamed} or {@code dissolved}
 * @param user whom it is about (the member; for created and renamed, who did it)
 * @param by who caused it, when someone else than {@code user} did
 * @param detail the new name for {@code renamed}
 */
public record GroupActivity(long groupId, String type, Long user, Long by, String detail) {}

/**
 * The console's people: search, a person's record (account, devices, what they have, their
 * moderation history) and the moderation actions — ban, mute, force sign-out, role changes —
 * carried out through identity's {@code Moderation} and recorded in the audit log.
 */
package chat.plume.admin.people;

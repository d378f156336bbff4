/**
 * Groups in the console: every group (search, a group's page with its members and history) and
 * the administrator's actions on one — dissolve, transfer ownership, mute all, remove a member —
 * made through {@code social.groups.GroupAdministration}, each with its reason in the audit log.
 */
package chat.plume.admin.groups;

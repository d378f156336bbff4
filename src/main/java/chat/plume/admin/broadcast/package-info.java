/**
 * Broadcast: the console's announcements to everyone — list, publish, edit, end — each change
 * made through {@code announcements} and recorded in the audit log in the same transaction.
 */
package chat.plume.admin.broadcast;

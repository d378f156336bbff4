/**
 * The audit log: an append-only table of every administrator's action and every security event
 * that matters, chained by SHA-256 hashes so that a changed, removed or inserted row is found by
 * {@link chat.plume.admin.audit.AuditTrail#verify}; its listing, CSV export and verification API.
 * Other parts of {@code admin} append to it in the transaction of the action they record.
 */
package chat.plume.admin.audit;
